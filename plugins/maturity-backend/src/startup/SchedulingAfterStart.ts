import {
  SchedulerService,
  SchedulerServiceTaskInvocationDefinition,
  SchedulerServiceTaskRunner,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';

/**
 * The scheduler as the plugin's evaluation sees it: tasks scheduled before
 * `start()` are held back and handed to Backstage's scheduler when it is
 * called, from the backend's startup hook. Backstage runs that hook only
 * once every plugin of the backend has started, so a replica whose start-up
 * failed (which Backstage keeps alive, not ready) never claims the
 * plugin's global tasks, and the healthy replicas run them.
 *
 * @internal
 */
export class SchedulingAfterStart implements SchedulerService {
  #started = false;
  readonly #pending: Array<
    SchedulerServiceTaskScheduleDefinition &
      SchedulerServiceTaskInvocationDefinition
  > = [];

  constructor(private readonly scheduler: SchedulerService) {}

  /** Schedules the tasks held back, and from now on every task at once. */
  async start(): Promise<void> {
    this.#started = true;
    for (const task of this.#pending.splice(0)) {
      await this.scheduler.scheduleTask(task);
    }
  }

  async scheduleTask(
    task: SchedulerServiceTaskScheduleDefinition &
      SchedulerServiceTaskInvocationDefinition,
  ): Promise<void> {
    if (this.#started) {
      await this.scheduler.scheduleTask(task);
    } else {
      this.#pending.push(task);
    }
  }

  createScheduledTaskRunner(
    schedule: SchedulerServiceTaskScheduleDefinition,
  ): SchedulerServiceTaskRunner {
    return {
      run: task => this.scheduleTask({ ...task, ...schedule }),
    };
  }

  triggerTask(id: string): Promise<void> {
    return this.scheduler.triggerTask(id);
  }

  cancelTask(id: string): Promise<void> {
    return this.scheduler.cancelTask(id);
  }

  getScheduledTasks() {
    return this.scheduler.getScheduledTasks();
  }
}
