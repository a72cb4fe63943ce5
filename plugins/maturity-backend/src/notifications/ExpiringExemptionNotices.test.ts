import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { defaultRubric } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import {
  ExemptionExpiryNotices,
  ExpiringExemption,
} from '../database/ExemptionExpiryNotices';
import { FakeNotificationService } from './__testUtils__/FakeNotificationService';
import { ExpiringExemptionNotices } from './ExpiringExemptionNotices';
import { EntityOwners } from './EntityOwners';
import { OwnerNotificationSender } from './OwnerNotificationSender';
import { RubricTitles } from './RubricTitles';

const CHECK = defaultRubric.categories[0].levels[0].checks[0];
const NOW = new Date('2026-12-07T08:00:00Z');

const approved = (
  id: string,
  entity: string,
  expiresAt: string,
  ownerRef?: string,
): ExpiringExemption => ({
  id,
  entityRef: `component:default/${entity}`,
  checkId: CHECK.id,
  author: 'user:default/ada',
  expiresAt: new Date(expiresAt),
  ...(ownerRef ? { ownerRef } : {}),
});

/** The store's contract in memory: approved exemptions and notices. */
class InMemoryNotices implements ExemptionExpiryNotices {
  readonly notified = new Map<string, Date>();
  readonly asked: Array<[Date, Date]> = [];
  constructor(private readonly exemptions: ExpiringExemption[]) {}

  async listUnnotifiedExpiring(from: Date, until: Date) {
    this.asked.push([from, until]);
    return this.exemptions.filter(
      e =>
        e.expiresAt > from && e.expiresAt <= until && !this.notified.has(e.id),
    );
  }

  async recordExpiryNotices(ids: string[], at: Date) {
    for (const id of ids) if (!this.notified.has(id)) this.notified.set(id, at);
  }
}

function setUp(exemptions: ExpiringExemption[]) {
  const store = new InMemoryNotices(exemptions);
  const notifications = new FakeNotificationService();
  const logger = mockServices.logger.mock();
  const catalog = catalogServiceMock();
  const task = new ExpiringExemptionNotices({
    notices: store,
    sender: new OwnerNotificationSender({ notifications, logger }),
    titles: new RubricTitles(defaultRubric),
    owners: new EntityOwners({ catalog, auth: mockServices.auth(), logger }),
    logger,
  });
  return { store, notifications, task, catalog, logger };
}

describe('ExpiringExemptionNotices', () => {
  const exemptions = [
    approved(
      'a',
      'checkout-api',
      '2026-12-09T00:00:00Z',
      'group:default/checkout',
    ),
    approved('b', 'cart', '2026-12-14T08:00:00Z', 'group:default/checkout'),
    approved('c', 'ledger', '2026-12-10T12:00:00Z', 'group:default/payments'),
    approved(
      'later',
      'ledger',
      '2026-12-14T08:00:01Z',
      'group:default/payments',
    ),
    approved('no-owner', 'new-service', '2026-12-08T00:00:00Z'),
  ];

  it('tells each owner once of its exemptions ending within 7 days, in one notification', async () => {
    const { store, notifications, task } = setUp(exemptions);

    await expect(task.run(NOW)).resolves.toBe(4);

    expect(store.asked).toEqual([[NOW, new Date('2026-12-14T08:00:00Z')]]);
    expect(notifications.sent).toEqual([
      {
        recipients: { type: 'entity', entityRef: ['group:default/checkout'] },
        payload: {
          title: '2 exemptions expire within 7 days',
          description: `checkout-api: "${CHECK.title}" on 2026-12-09; cart: "${CHECK.title}" on 2026-12-14`,
          link: '/catalog/default/group/checkout/maturity',
          severity: 'normal',
          topic: 'maturity-exemption-expiring',
          metadata: { exemptionIds: ['a', 'b'] },
        },
      },
      {
        recipients: { type: 'entity', entityRef: ['group:default/payments'] },
        payload: {
          title: 'Exemption expires 2026-12-10: ledger',
          description: `ledger: "${CHECK.title}" on 2026-12-10`,
          link: '/catalog/default/component/ledger/maturity',
          severity: 'normal',
          topic: 'maturity-exemption-expiring',
          metadata: { exemptionIds: ['c'] },
        },
      },
      // No stored owner: addressed to the entity, whose owner the
      // notifications backend finds in the catalog.
      expect.objectContaining({
        recipients: {
          type: 'entity',
          entityRef: ['component:default/new-service'],
        },
      }),
    ]);
    expect([...store.notified.keys()].sort()).toEqual([
      'a',
      'b',
      'c',
      'no-owner',
    ]);
  });

  it('sends nothing the next day for exemptions already notified, and notifies the one now within 7 days', async () => {
    const { notifications, task } = setUp(exemptions);
    await task.run(NOW);
    notifications.sent.length = 0;

    await expect(task.run(new Date('2026-12-08T08:00:00Z'))).resolves.toBe(1);

    expect(notifications.sent).toHaveLength(1);
    expect(notifications.sent[0].payload.metadata).toEqual({
      exemptionIds: ['later'],
    });
  });

  it('keeps an undelivered notice for the next run (notifications backend not installed)', async () => {
    const { store, notifications, task } = setUp(exemptions.slice(0, 1));
    notifications.failWith = new Error('Request failed with status 404');

    await expect(task.run(NOW)).resolves.toBe(0);
    expect(store.notified.size).toBe(0);

    notifications.failWith = undefined;
    await expect(task.run(new Date('2026-12-08T08:00:00Z'))).resolves.toBe(1);
    expect(notifications.sent).toHaveLength(1);
  });

  it('leaves an exemption whose owner the catalog could not tell for the next run, and logs why', async () => {
    const { store, notifications, task, catalog, logger } = setUp(exemptions);
    const read = jest
      .spyOn(catalog, 'getEntitiesByRefs')
      .mockRejectedValueOnce(new Error('catalog is down'));

    // The stored owners are told; the entity without one is not addressed
    // by its own ref, as if it had no owner.
    await expect(task.run(NOW)).resolves.toBe(3);
    expect(notifications.sent.map(n => n.recipients)).toEqual([
      { type: 'entity', entityRef: ['group:default/checkout'] },
      { type: 'entity', entityRef: ['group:default/payments'] },
    ]);
    expect(store.notified.has('no-owner')).toBe(false);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('catalog is down'),
    );

    notifications.sent.length = 0;
    await expect(task.run(NOW)).resolves.toBe(1);
    expect(read).toHaveBeenCalledTimes(2);
    expect(notifications.sent.map(n => n.recipients)).toEqual([
      { type: 'entity', entityRef: ['component:default/new-service'] },
    ]);
    expect(store.notified.has('no-owner')).toBe(true);
  });
});
