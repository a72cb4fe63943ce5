import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  maturity?: {
    sources?: {
      /**
       * The GitHub source. Installed, the module runs with these defaults
       * once `integrations.github` has a token or GitHub App; this block
       * changes them. Credentials come from `integrations.github`.
       */
      github?: {
        /** false turns the source off. Default: on. */
        enabled?: boolean;
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
