import { mockServices } from '@backstage/backend-test-utils';
import {
  defaultRubric,
  Exemption,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import {
  ExemptionAction,
  SYSTEM_ACTOR,
} from '../exemptions/ExemptionChangeListener';
import { FakeNotificationService } from './__testUtils__/FakeNotificationService';
import { ExemptionChangeNotifier } from './ExemptionChangeNotifier';
import { OwnerNotificationSender } from './OwnerNotificationSender';
import { RubricTitles } from './RubricTitles';

const CHECK = defaultRubric.categories[0].levels[0].checks[0];
const ADA = 'user:default/ada';
const GRACE = 'user:default/grace';

const exemption: Exemption = {
  id: 'ex-1',
  entityRef: 'component:default/checkout-api',
  checkId: CHECK.id,
  reason: 'team reorganised this month',
  status: 'requested',
  author: ADA,
  createdAt: '2026-12-07T09:00:00.000Z',
  requestedExpiresAt: '2027-01-31T00:00:00.000Z',
};

function setUp(
  options: { deciders?: string[]; owners?: () => Promise<string[]> } = {},
) {
  const notifications = new FakeNotificationService();
  const logger = mockServices.logger.mock();
  const ownersOf = jest.fn(
    options.owners ?? (async () => ['group:default/checkout']),
  );
  const notifier = new ExemptionChangeNotifier({
    sender: new OwnerNotificationSender({ notifications, logger }),
    titles: new RubricTitles(defaultRubric),
    owners: { ownersOf },
    deciders: options.deciders ?? [],
    logger,
  });
  const tell = (
    action: ExemptionAction,
    actor: string,
    changed: Partial<Exemption> = {},
    comment?: string,
  ) =>
    notifier.exemptionChanged({
      exemption: { ...exemption, ...changed },
      action,
      actor,
      at: '2026-12-07T10:00:00.000Z',
      ...(comment ? { comment } : {}),
    });
  return { notifications, ownersOf, tell };
}

describe('ExemptionChangeNotifier', () => {
  it("tells the entity's owner of a request, not the requester, linking to the entity's tab", async () => {
    const { notifications, ownersOf, tell } = setUp();

    await tell('requested', ADA);

    expect(ownersOf).toHaveBeenCalledWith('component:default/checkout-api');
    expect(notifications.sent).toEqual([
      {
        recipients: {
          type: 'entity',
          entityRef: ['group:default/checkout'],
          excludeEntityRef: [ADA],
        },
        payload: {
          title: 'Exemption requested: checkout-api',
          description: `ada asks to waive "${CHECK.title}" until 2027-01-31: team reorganised this month`,
          link: '/catalog/default/component/checkout-api/maturity',
          severity: 'normal',
          topic: 'maturity-exemption-requested',
          scope: 'maturity-exemption:ex-1',
          metadata: {
            entityRef: 'component:default/checkout-api',
            exemptionId: 'ex-1',
          },
        },
      },
    ]);
  });

  it('tells the configured deciders instead of the owner', async () => {
    const { notifications, ownersOf, tell } = setUp({
      deciders: ['group:default/platform'],
    });

    await tell('requested', ADA);

    expect(ownersOf).not.toHaveBeenCalled();
    expect(notifications.sent[0].recipients).toEqual({
      type: 'entity',
      entityRef: ['group:default/platform'],
      excludeEntityRef: [ADA],
    });
  });

  it('addresses the entity itself when its owner cannot be read (the notifications backend resolves the owner)', async () => {
    const { notifications, tell } = setUp({
      owners: async () => {
        throw new Error('catalog unavailable');
      },
    });

    await tell('requested', ADA);

    expect(notifications.sent[0].recipients).toMatchObject({
      entityRef: ['component:default/checkout-api'],
    });
  });

  it('tells the requester of an approval with its expiry and of a denial with the comment', async () => {
    const { notifications, tell } = setUp();

    await tell(
      'approved',
      GRACE,
      { status: 'approved', expiresAt: '2027-01-15T00:00:00.000Z' },
      'until the migration',
    );
    await tell('denied', GRACE, { status: 'denied' }, 'fix it instead');
    await tell('approved', SYSTEM_ACTOR, { status: 'approved' });

    expect(notifications.sent.map(n => n.recipients)).toEqual([
      { type: 'entity', entityRef: [ADA] },
      { type: 'entity', entityRef: [ADA] },
      { type: 'entity', entityRef: [ADA] },
    ]);
    expect(notifications.sent.map(n => n.payload)).toMatchObject([
      {
        title: 'Exemption approved: checkout-api',
        description: `"${CHECK.title}" approved by grace until 2027-01-15: until the migration`,
        severity: 'normal',
        topic: 'maturity-exemption-decided',
        link: '/catalog/default/component/checkout-api/maturity',
      },
      {
        title: 'Exemption denied: checkout-api',
        description: `"${CHECK.title}" denied by grace: fix it instead`,
        severity: 'high',
        topic: 'maturity-exemption-decided',
      },
      {
        title: 'Exemption approved: checkout-api',
        description: `"${CHECK.title}" approved automatically`,
      },
    ]);
  });

  it('tells nobody of withdrawals, expiries, or a decision on their own request', async () => {
    const { notifications, tell } = setUp();

    await tell('withdrawn', ADA, { status: 'withdrawn' });
    await tell('expired', SYSTEM_ACTOR, { status: 'expired' });
    await tell('revoked', ADA, { status: 'revoked' });

    expect(notifications.sent).toEqual([]);
  });

  it('does not fail the workflow when sending fails', async () => {
    const { notifications, tell } = setUp();
    notifications.failWith = new Error('Request failed with status 404');

    await expect(tell('requested', ADA)).resolves.toBeUndefined();
  });
});
