import {
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { CampaignProgressUpdater } from './CampaignProgressUpdater';

/** The id of the task that brings every campaign's figures up to date. */
export const CAMPAIGN_PROGRESS_TASK_ID = 'maturity-campaign-progress';

/**
 * Runs the campaigns' progress on the configured cadence, once across
 * replicas (global scope). A run cut short (timeout, shutdown) leaves the
 * days it wrote; the next computes what is still missing.
 */
export async function scheduleCampaignProgress(
  scheduler: Pick<SchedulerService, 'scheduleTask'>,
  schedule: SchedulerServiceTaskScheduleDefinition,
  progress: Pick<CampaignProgressUpdater, 'updateAll'>,
): Promise<void> {
  await scheduler.scheduleTask({
    id: CAMPAIGN_PROGRESS_TASK_ID,
    scope: 'global',
    ...schedule,
    fn: async signal => {
      await progress.updateAll(new Date(), signal);
    },
  });
}
