import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  maturity?: {
    sources?: {
      /**
       * The GitHub source. Without this block the module is disabled.
       * Credentials come from `integrations.github` (tokens or GitHub Apps).
       */
      github?: {
        /**
         * Cadence of the repository sync (global: once across replicas).
         * Default: every 30 minutes.
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /** How far back the first sync of a repository reads. Default 90 days. */
        initialLookbackDays?: number;
        /** Repositories synced at once. Default 4. */
        maxConcurrency?: number;
      };
    };
  };
}
