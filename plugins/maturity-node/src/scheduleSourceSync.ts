import {
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';

/**
 * Schedules a source's pull sync as a global task: one run at a time across
 * replicas. Each run syncs every scope (a repository, a service, ...); a
 * scope that fails does not stop the others, but fails the run, with an
 * error that names it, so the scheduler records the failure, e.g.
 * `GitHub sync failed for 1 of 3 repositories: acme/shop`.
 * @public
 */
export async function scheduleSourceSync<R extends { error?: Error }>(options: {
  scheduler: SchedulerService;
  /** The task id, e.g. `maturity-github-sync`. */
  id: string;
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** One run: the outcome of each scope. */
  sync: () => Promise<R[]>;
  /** The source as the failure names it, e.g. `GitHub`. */
  sourceName: string;
  /** What its scopes are, in the plural, e.g. `repositories`. */
  scopes: string;
  /** A scope's name in the failure, e.g. `acme/shop`. */
  scopeOf: (result: R) => string;
}): Promise<void> {
  const { sourceName, scopes, scopeOf } = options;
  await options.scheduler.scheduleTask({
    id: options.id,
    ...options.schedule,
    scope: 'global',
    fn: async () => {
      const results = await options.sync();
      const failed = results.filter(r => r.error);
      if (failed.length > 0) {
        throw new Error(
          `${sourceName} sync failed for ${failed.length} of ${
            results.length
          } ${scopes}: ${failed.map(scopeOf).join(', ')}`,
        );
      }
    },
  });
}
