import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { ExemptionWorkflow } from './ExemptionWorkflow';

/**
 * Every hour, approved exemptions whose expiry has come are marked expired
 * (with their audit rows, their entities queued for evaluation, and the
 * listener told). A new evaluation stops applying an exemption at its expiry
 * whether or not this ran; the queued one makes it happen within the hour.
 */
export async function scheduleExemptionExpiry(
  scheduler: Pick<SchedulerService, 'scheduleTask'>,
  workflow: Pick<ExemptionWorkflow, 'expireDue'>,
  logger: LoggerService,
): Promise<void> {
  await scheduler.scheduleTask({
    id: 'maturity-expire-exemptions',
    frequency: { minutes: 60 },
    timeout: { minutes: 5 },
    initialDelay: { minutes: 1 },
    fn: async () => {
      const expired = await workflow.expireDue();
      if (expired > 0) logger.info(`Expired ${expired} exemptions`);
    },
  });
}
