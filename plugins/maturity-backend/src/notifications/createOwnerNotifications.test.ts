import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { defaultRubric } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { campaign } from '../campaigns/__testUtils__/campaignFixtures';
import { noCampaignNotifier } from '../campaigns/CampaignNotifier';
import { noExemptionChangeListener } from '../exemptions/ExemptionChangeListener';
import { noLevelChangeListener } from '../scoring/LevelChangeListener';
import { FakeNotificationService } from './__testUtils__/FakeNotificationService';
import { createOwnerNotifications } from './createOwnerNotifications';
import { EXPIRY_NOTICES_TASK_ID } from './scheduleExpiryNotices';

function create(config: object) {
  const notifications = new FakeNotificationService();
  const expiryNotices = {
    listUnnotifiedExpiring: jest.fn(async () => []),
    recordExpiryNotices: jest.fn(),
  };
  const created = createOwnerNotifications({
    config: new ConfigReader(config),
    notifications,
    catalog: catalogServiceMock({
      entities: [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { name: 'checkout-api', namespace: 'default' },
          relations: [{ type: 'ownedBy', targetRef: 'group:default/checkout' }],
        },
      ],
    }),
    auth: mockServices.auth(),
    logger: mockServices.logger.mock(),
    rubric: defaultRubric,
    expiryNotices,
    campaignNotices: {
      claimNotice: async (_id: string, _notice: string, owners: string[]) =>
        owners,
      releaseNotice: async () => {},
    },
  });
  return { created, notifications, expiryNotices };
}

describe('createOwnerNotifications', () => {
  it("schedules the daily expiry notices, once across replicas, and asks the catalog for the entity's owner", async () => {
    const { created, notifications, expiryNotices } = create({});
    const scheduler = mockServices.scheduler.mock();

    await created.schedule(scheduler);

    expect(scheduler.scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({
        id: EXPIRY_NOTICES_TASK_ID,
        scope: 'global',
        frequency: { hours: 24 },
      }),
    );
    const { fn } = scheduler.scheduleTask.mock.calls[0][0];
    await (fn as () => Promise<void>)();
    expect(expiryNotices.listUnnotifiedExpiring).toHaveBeenCalledTimes(1);

    await created.exemptionChanges.exemptionChanged({
      exemption: {
        id: 'ex-1',
        entityRef: 'component:default/checkout-api',
        checkId: 'test.2.coverage',
        reason: 'r',
        status: 'requested',
        author: 'user:default/ada',
        createdAt: '2026-12-07T09:00:00.000Z',
      },
      action: 'requested',
      actor: 'user:default/ada',
      at: '2026-12-07T09:00:00.000Z',
    });
    expect(notifications.sent[0].recipients).toMatchObject({
      entityRef: ['group:default/checkout'],
    });

    await created.campaigns.notifyDue(campaign(), '2026-12-01', [
      {
        entityRef: 'component:default/checkout-api',
        ownerRef: 'group:default/checkout',
        meetsGoal: false,
        shortfall: { failingChecks: ['test.1.a'] },
      },
    ]);
    expect(notifications.sent[1].payload.topic).toBe('maturity-campaign');
  });

  it('sends nothing and schedules nothing when maturity.notifications.enabled is false', async () => {
    const { created } = create({
      maturity: { notifications: { enabled: false } },
    });
    const scheduler = mockServices.scheduler.mock();

    await created.schedule(scheduler);

    expect(scheduler.scheduleTask).not.toHaveBeenCalled();
    expect(created.levelChanges).toBe(noLevelChangeListener);
    expect(created.exemptionChanges).toBe(noExemptionChangeListener);
    expect(created.campaigns).toBe(noCampaignNotifier);
  });
});
