import {
  AuthService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  MaturityEventSink,
  MaturityEventSource,
} from '@maturity-for-backstage/backstage-plugin-maturity-node';
import { writeDemoActivity } from './writeDemoActivity';

/** The scheduled task that keeps the demo activity written. */
export const DEMO_ACTIVITY_TASK_ID = 'maturity-demo-activity';

/**
 * The `demo` maturity source: invented activity for every catalog
 * component, written on the scheduler (global scope, once across replicas).
 */
export class DemoSource implements MaturityEventSource {
  readonly id = 'demo';
  readonly collects = [
    'build',
    'deployment',
    'change',
    'incident',
    'repo_fact',
  ] as const;

  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      scheduler: SchedulerService;
    },
  ) {}

  async connect(sink: MaturityEventSink): Promise<void> {
    await this.options.scheduler.scheduleTask({
      id: DEMO_ACTIVITY_TASK_ID,
      scope: 'global',
      frequency: { minutes: 30 },
      timeout: { minutes: 15 },
      initialDelay: { seconds: 5 },
      fn: async () => {
        await writeDemoActivity({ ...this.options, sink });
      },
    });
  }
}
