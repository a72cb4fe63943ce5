import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { CampaignEntityResult } from '../database/CampaignStore';
import {
  campaign,
  campaignRubric,
} from '../campaigns/__testUtils__/campaignFixtures';
import { InMemoryCampaignStore } from '../campaigns/__testUtils__/InMemoryCampaignStore';
import { FakeNotificationService } from './__testUtils__/FakeNotificationService';
import {
  CampaignOwnerNotifier,
  dueCampaignNotices,
} from './CampaignOwnerNotifier';
import { EntityOwners } from './EntityOwners';
import { OwnerNotificationSender } from './OwnerNotificationSender';
import { RubricTitles } from './RubricTitles';

const TEAM_A = 'group:default/team-a';
const TEAM_B = 'group:default/team-b';
const NOW = new Date('2026-12-01T08:00:00Z');

const result = (
  entity: string,
  ownerRef: string | undefined,
  meetsGoal: boolean,
): CampaignEntityResult => ({
  entityRef: `component:default/${entity}`,
  ...(ownerRef ? { ownerRef } : {}),
  meetsGoal,
  ...(meetsGoal ? {} : { shortfall: { failingChecks: ['test.1.a'] } }),
});

const entities = [
  result('checkout', TEAM_A, false),
  result('cart', TEAM_A, false),
  result('ledger', TEAM_B, true),
  result('orphan', undefined, false),
];

function setUp() {
  const store = new InMemoryCampaignStore();
  const notifications = new FakeNotificationService();
  const logger = mockServices.logger.mock();
  const notifier = new CampaignOwnerNotifier({
    store,
    sender: new OwnerNotificationSender({ notifications, logger }),
    titles: new RubricTitles(campaignRubric),
    owners: new EntityOwners({
      catalog: catalogServiceMock(),
      auth: mockServices.auth(),
      logger,
    }),
    logger,
    now: () => NOW,
  });
  return { store, notifications, logger, notifier };
}

describe('dueCampaignNotices', () => {
  const c = campaign({ startsOn: '2026-12-01', deadline: '2026-12-31' });

  it('has the start from the first day and each reminder from N days before the deadline', () => {
    expect(dueCampaignNotices(c, '2026-11-30')).toEqual([]);
    expect(dueCampaignNotices(c, '2026-12-01')).toEqual(['start']);
    expect(dueCampaignNotices(c, '2026-12-16')).toEqual(['start']);
    expect(dueCampaignNotices(c, '2026-12-17')).toEqual([
      'start',
      'reminder-14',
    ]);
    expect(dueCampaignNotices(c, '2026-12-31')).toEqual([
      'start',
      'reminder-14',
      'reminder-3',
    ]);
    expect(dueCampaignNotices(c, '2027-01-01')).toEqual([]);
  });
});

describe('CampaignOwnerNotifier', () => {
  it('tells each owning group of entities still short, once, listing them and linking to the campaign', async () => {
    const { store, notifications, notifier } = setUp();
    const c = campaign();

    await notifier.notifyDue(c, '2026-12-01', entities);
    await notifier.notifyDue(c, '2026-12-01', entities);

    expect(notifications.sent).toEqual([
      {
        recipients: { type: 'entity', entityRef: [TEAM_A] },
        payload: expect.objectContaining({
          title: 'Campaign started: Tests everywhere',
          description:
            '2 of your entities do not meet the goal yet (pass test level 1 a) by 2026-12-31: checkout (test level 1 a); cart (test level 1 a)',
          link: '/maturity?view=campaigns&campaign=c1',
          topic: 'maturity-campaign',
          severity: 'normal',
          scope: 'maturity-campaign:c1',
        }),
      },
    ]);
    expect([...store.notices.keys()]).toEqual([`c1/start/${TEAM_A}`]);
  });

  it('reminds before the deadline, each reminder once', async () => {
    const { store, notifications, notifier } = setUp();
    const c = campaign();
    await store.claimNotice(c.id, 'start', [TEAM_A], NOW);

    await notifier.notifyDue(c, '2026-12-16', entities);
    expect(notifications.sent).toEqual([]);
    await notifier.notifyDue(c, '2026-12-17', entities);
    await notifier.notifyDue(c, '2026-12-18', entities);
    await notifier.notifyDue(c, '2026-12-29', entities);

    expect(notifications.sent.map(n => n.payload.title)).toEqual([
      'Campaign due in 14 days: Tests everywhere',
      'Campaign due in 2 days: Tests everywhere',
    ]);
    expect(notifications.sent[0].payload.severity).toBe('high');
    expect([...store.notices.keys()]).toEqual([
      `c1/start/${TEAM_A}`,
      `c1/reminder-14/${TEAM_A}`,
      `c1/reminder-3/${TEAM_A}`,
    ]);
  });

  it('sends notices falling due together as one: the start', async () => {
    const { store, notifications, notifier } = setUp();
    const c = campaign({ startsOn: '2026-12-28' });

    await notifier.notifyDue(c, '2026-12-29', entities);

    expect(notifications.sent.map(n => n.payload.title)).toEqual([
      'Campaign started: Tests everywhere',
    ]);
    expect(store.notices.size).toBe(3);
  });

  it('claims each due notice once for all the groups short, not per group', async () => {
    const { store, notifications, notifier } = setUp();
    const claim = jest.spyOn(store, 'claimNotice');
    const c = campaign({ startsOn: '2026-12-28' });
    const both = [...entities, result('ledger-2', TEAM_B, false)];

    await notifier.notifyDue(c, '2026-12-29', both);
    await notifier.notifyDue(c, '2026-12-29', both);

    expect(
      claim.mock.calls.map(([, notice, owners]) => [
        notice,
        [...owners].sort(),
      ]),
    ).toEqual(
      [1, 2].flatMap(() => [
        ['start', [TEAM_A, TEAM_B]],
        ['reminder-14', [TEAM_A, TEAM_B]],
        ['reminder-3', [TEAM_A, TEAM_B]],
      ]),
    );
    expect(notifications.sent.map(n => n.recipients)).toEqual([
      { type: 'entity', entityRef: [TEAM_A] },
      { type: 'entity', entityRef: [TEAM_B] },
    ]);
    expect(store.notices.size).toBe(6);
  });

  it('sends nothing and claims nothing outside the campaign, and nothing to owners with every entity meeting the goal', async () => {
    const { store, notifications, notifier } = setUp();
    await notifier.notifyDue(campaign(), '2027-01-01', entities);
    await notifier.notifyDue(campaign(), '2026-11-30', entities);
    expect(store.notices.size).toBe(0);

    await notifier.notifyDue(campaign(), '2026-12-01', [
      result('ledger', TEAM_B, true),
    ]);
    expect(notifications.sent).toEqual([]);
    expect(store.notices.size).toBe(0);
  });

  it('neither fails nor loses a notice the notifications backend could not take: the next run sends it', async () => {
    const { store, notifications, logger, notifier } = setUp();
    notifications.failWith = new Error('404 Not Found');

    await expect(
      notifier.notifyDue(campaign(), '2026-12-01', entities),
    ).resolves.toBeUndefined();
    expect(notifications.sent).toEqual([]);
    expect(store.notices.size).toBe(0);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('c1: start notice not delivered'),
    );
    expect(logger.info).not.toHaveBeenCalledWith(
      expect.stringContaining('notice sent'),
    );

    notifications.failWith = undefined;
    await notifier.notifyDue(campaign(), '2026-12-01', entities);
    await notifier.notifyDue(campaign(), '2026-12-01', entities);

    expect(notifications.sent.map(n => n.payload.title)).toEqual([
      'Campaign started: Tests everywhere',
    ]);
    expect([...store.notices.keys()]).toEqual([`c1/start/${TEAM_A}`]);
  });

  it('sends again only to the groups a notice was not delivered to', async () => {
    const { store, notifications, notifier } = setUp();
    const both = [...entities, result('ledger-2', TEAM_B, false)];
    const send = notifications.send.bind(notifications);
    notifications.send = async options => {
      if (
        options.recipients.type === 'entity' &&
        options.recipients.entityRef.includes(TEAM_B)
      ) {
        throw new Error('503 Service Unavailable');
      }
      await send(options);
    };

    await notifier.notifyDue(campaign(), '2026-12-01', both);
    expect(notifications.sent.map(n => n.recipients)).toEqual([
      { type: 'entity', entityRef: [TEAM_A] },
    ]);
    expect([...store.notices.keys()]).toEqual([`c1/start/${TEAM_A}`]);

    notifications.send = send;
    await notifier.notifyDue(campaign(), '2026-12-01', both);
    await notifier.notifyDue(campaign(), '2026-12-01', both);
    expect(notifications.sent.map(n => n.recipients)).toEqual([
      { type: 'entity', entityRef: [TEAM_A] },
      { type: 'entity', entityRef: [TEAM_B] },
    ]);
  });

  it('warns once that notices are not delivered without the notifications backend', async () => {
    const { notifications, logger, notifier } = setUp();
    notifications.failWith = new Error('404 Not Found');

    await notifier.notifyDue(campaign(), '2026-12-01', entities);
    await notifier.notifyDue(campaign(), '2026-12-02', entities);
    await notifier.notifyDue(campaign({ id: 'c2' }), '2026-12-02', entities);

    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.debug).toHaveBeenCalledWith(
      expect.stringContaining('c2: start notice not delivered'),
    );
  });

  it('does not throw when a notice cannot be claimed', async () => {
    const { store, logger, notifier } = setUp();
    store.claimNotice = async () => {
      throw new Error('database down');
    };
    await expect(
      notifier.notifyDue(campaign(), '2026-12-01', entities),
    ).resolves.toBeUndefined();
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('database down'),
    );
  });
});
