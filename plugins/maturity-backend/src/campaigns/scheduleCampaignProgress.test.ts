import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import { InMemoryCampaignStore } from './__testUtils__/InMemoryCampaignStore';
import {
  campaign,
  campaignRubric,
  standing,
} from './__testUtils__/campaignFixtures';
import {
  CAMPAIGN_PROGRESS_TASK_ID,
  scheduleCampaignProgress,
} from './scheduleCampaignProgress';
import { startCampaignProgress } from './startCampaignProgress';

describe('scheduleCampaignProgress', () => {
  it('schedules the progress once across replicas on the given cadence', async () => {
    const scheduler = { scheduleTask: jest.fn(async () => {}) };
    const progress = { updateAll: jest.fn(async () => {}) };
    const schedule = { frequency: { minutes: 10 }, timeout: { minutes: 10 } };

    await scheduleCampaignProgress(scheduler, schedule, progress);

    expect(scheduler.scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({
        id: CAMPAIGN_PROGRESS_TASK_ID,
        scope: 'global',
        ...schedule,
      }),
    );
    const { fn } = (scheduler.scheduleTask.mock.calls[0] as any)[0];
    const signal = new AbortController().signal;
    await fn(signal);
    expect(progress.updateAll).toHaveBeenCalledWith(expect.any(Date), signal);
  });
});

describe('startCampaignProgress', () => {
  it('schedules the configured task and hands out a refresher that computes a campaign', async () => {
    const store = new InMemoryCampaignStore();
    const scheduler = { scheduleTask: jest.fn(async () => {}) };
    const notifier = { notifyDue: jest.fn(async () => {}) };
    // The group tree as the stored rollups know it.
    const rollups = {
      readSubgroups: jest.fn(
        async (refs: string[]) =>
          new Map(
            refs
              .filter(ref => ref === 'group:default/team-a')
              .map(ref => [ref, [ref, 'group:default/team-a-sub']]),
          ),
      ),
      rollupsBuilt: jest.fn(async () => true),
    };
    const refresher = await startCampaignProgress({
      store,
      config: new ConfigReader({
        maturity: {
          campaigns: {
            schedule: { frequency: { minutes: 5 }, timeout: { minutes: 2 } },
          },
        },
      }),
      rubric: campaignRubric,
      rollups,
      notifier,
      logger: mockServices.logger.mock(),
      scheduler,
    });
    expect(scheduler.scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({
        id: 'maturity-campaign-progress',
        frequency: { minutes: 5 },
      }),
    );

    const today = new Date().toISOString().slice(0, 10);
    await store.createCampaign(
      campaign({
        startsOn: today,
        deadline: '2999-12-31',
        scope: { owners: ['group:default/team-a'], includeSubgroups: true },
      }),
    );
    store.standingsToday = [
      standing('sub', { ownerRef: 'group:default/team-a-sub' }),
    ];
    refresher.refreshSoon('c1');
    await refresher.settled();

    // Run at midnight, the refresher's today may be the next day.
    const days = await store.readDays('c1');
    expect(days.at(-1)).toMatchObject({ inScope: 1 });
    expect([today, new Date().toISOString().slice(0, 10)]).toContain(
      days.at(-1)!.day,
    );
    expect(notifier.notifyDue).toHaveBeenCalledTimes(1);
  });
});
