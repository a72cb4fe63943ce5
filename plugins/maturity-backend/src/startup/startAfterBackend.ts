import {
  LoggerService,
  RootLifecycleService,
} from '@backstage/backend-plugin-api';
import { MaturityDatabase } from '../database/MaturityDatabase';
import { createEventSink } from '../ingest/createEventSink';
import { SourceRegistry } from '../ingest/SourceRegistry';
import { SchedulingAfterStart } from './SchedulingAfterStart';

/**
 * The plugin's scheduled work, its sources' included, starts once the whole
 * backend has: on a replica where any plugin failed to start, none of it
 * runs (docs/architecture.md, "Scale-out"). Then the tasks held back are
 * scheduled and every source gets its sink.
 *
 * @internal
 */
export function startAfterBackend(options: {
  rootLifecycle: RootLifecycleService;
  scheduling: SchedulingAfterStart;
  sources: SourceRegistry;
  db: MaturityDatabase;
  logger: LoggerService;
}): void {
  const { scheduling, sources, db, logger } = options;
  options.rootLifecycle.addStartupHook(
    async () => {
      await scheduling.start();
      await sources.connect(id => createEventSink(db, id), logger);
    },
    { logger },
  );
}
