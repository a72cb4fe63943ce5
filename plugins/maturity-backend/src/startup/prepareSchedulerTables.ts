import { SchedulerService } from '@backstage/backend-plugin-api';
import { isError } from '@backstage/errors';

/**
 * Makes Backstage's scheduler create its tables in the plugin's database
 * now, under the plugin's start-up lock, instead of when the first global
 * task is scheduled: replicas starting at the same moment otherwise race to
 * create them (`42P07 already exists`), and the scheduler keeps that
 * failure for good. Its public API has no call for this; triggering a task
 * migrates the tables first and then finds the task missing.
 *
 * @internal
 */
export async function prepareSchedulerTables(
  scheduler: Pick<SchedulerService, 'triggerTask'>,
): Promise<void> {
  try {
    await scheduler.triggerTask('maturity-start-up-probe');
  } catch (error) {
    if (!isError(error) || error.name !== 'NotFoundError') throw error;
  }
}
