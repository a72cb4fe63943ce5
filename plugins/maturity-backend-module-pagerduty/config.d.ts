import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  maturity?: {
    sources?: {
      /**
       * The PagerDuty source. Without this block the module is disabled.
       */
      pagerduty?: {
        /**
         * A PagerDuty REST API key with read access.
         * @visibility secret
         */
        token: string;
        /** Base URL of the REST API. Default https://api.pagerduty.com. */
        apiBaseUrl?: string;
        /**
         * Cadence of the incident sync (global: once across replicas).
         * Default: every 15 minutes.
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /**
         * How far back the first sync of a service reads, in days. Default
         * 90, at most 180 (PagerDuty lists at most 6 months of incidents at
         * once).
         */
        initialLookbackDays?: number;
        /**
         * Secrets of the Webhooks v3 subscriptions whose deliveries are
         * accepted on the `pagerduty` events topic. Several during a rotation.
         * @visibility secret
         */
        webhookSecrets?: string[];
      };
    };
  };
}
