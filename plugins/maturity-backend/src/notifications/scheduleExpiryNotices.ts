import { SchedulerService } from '@backstage/backend-plugin-api';
import { ExpiringExemptionNotices } from './ExpiringExemptionNotices';

/** The id of the daily task that notifies owners of expiring exemptions. */
export const EXPIRY_NOTICES_TASK_ID = 'maturity-exemption-expiry-notices';

/**
 * Runs the expiry notices daily, once across replicas (global scope). A
 * missed day is harmless: the next run notices what it missed, as every
 * exemption ending within the window and not yet notified is taken.
 */
export async function scheduleExpiryNotices(
  scheduler: SchedulerService,
  notices: ExpiringExemptionNotices,
) {
  await scheduler.scheduleTask({
    id: EXPIRY_NOTICES_TASK_ID,
    scope: 'global',
    frequency: { hours: 24 },
    timeout: { minutes: 10 },
    initialDelay: { minutes: 1 },
    fn: async () => {
      await notices.run(new Date());
    },
  });
}
