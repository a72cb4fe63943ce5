import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  /** Configuration for the Maturity plugin. */
  maturity?: {
    /** When and how entities are evaluated into scorecards. */
    evaluation?: {
      /**
       * Cadence of the full evaluation, for each of its shards (global: each
       * shard once across replicas). Default: every hour, with a timeout of
       * 10 minutes, after which a replica that died running a shard is
       * relieved by another; size it to a shard's run (its first history
       * backfill included). Entities with new events are re-evaluated
       * within about 30 seconds regardless.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /**
       * Parts the full evaluation is split into, each its own scheduled
       * task (`maturity-evaluate-all-<i>`) that any replica may run: an
       * entity belongs to the shard its canonical ref hashes to. Default 4.
       */
      shards?: number;
      /** Trailing window of the metrics, in days. Default 90. */
      windowDays?: number;
      /** Catalog kinds that get scorecards. Default ['Component']. */
      kinds?: string[];
      /** spec.type values that are never deployed. Default ['library']. */
      nonDeployableTypes?: string[];
      /**
       * Entities per evaluation batch. Default 500, at most 1000, which keeps
       * a batch's reads within the databases' limits on bound parameters.
       */
      batchSize?: number;
      /**
       * Days of daily history to compute from stored events wherever a day
       * is missing (first start, an entity new to the catalog, a backfill
       * cut short, days the backend was down). Default 0. An entity's
       * backfill starts on the day of its first recorded event: days before
       * it are skipped, and an entity without events gets none.
       */
      historyBackfillDays?: number;
      /** Every how many days a backfilled point is computed. Default 1. */
      historyBackfillIntervalDays?: number;
      /**
       * A category's level drops only after evaluations on this many
       * consecutive evaluated UTC days found it below its held level (many
       * evaluations on one day count once; days without an evaluation are
       * skipped, neither counting nor resetting); until then it is "at risk".
       * Rises count at once. Default 3; 1 drops at once.
       */
      levelDropAfterDays?: number;
      /**
       * Days a check new in the rubric, or whose rule (threshold, level,
       * required flag) changed, is advisory: shown with its state, not
       * counted in levels. Default 14; 0 counts changes at once.
       */
      advisoryDays?: number;
    };
    /**
     * Overrides of the default rubric: `checks.<checkId>` with `enabled`,
     * `threshold`, `required`; `addChecks` with new checks. A broken override
     * stops start-up with an error naming its path. See the README.
     */
    rubric?: {
      checks?: {
        [checkId: string]: {
          enabled?: boolean;
          threshold?: number;
          required?: boolean;
        };
      };
      addChecks?: Array<{
        id: string;
        category: string;
        level: number;
        title: string;
        source?: string;
        howToFix: string;
        required?: boolean;
        /** A rule object, e.g. { kind: 'metric', metric, op, threshold }. */
        rule: { kind: string; [key: string]: unknown };
      }>;
    };
    /**
     * Campaigns (created through the API, kept in the plugin's database):
     * the task that computes their progress and their reminders.
     */
    campaigns?: {
      /**
       * Cadence of the task `maturity-campaign-progress` (global: once
       * across replicas), which computes each campaign's missing days and
       * today and sends its notices. Default: every 10 minutes, with a
       * timeout of 10 minutes.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /**
       * Days (1 to 365) before a campaign's deadline on which the owners of entities
       * still short are reminded, for campaigns that name none. Default
       * [14, 3].
       */
      reminderDaysBefore?: number[];
    };
    /** The exemption workflow (requests, decisions, expiry). */
    exemptions?: {
      /**
       * Check ids whose exemption requests are approved at once (the audit
       * list records the approval by `system`). Default: none.
       */
      autoApprove?: string[];
    };
    /**
     * Notifications to owners through Backstage's notifications service:
     * level drops, required checks newly failing, exemptions requested,
     * decided and expiring. Sent only where the notifications backend is
     * installed (`@backstage/plugin-notifications-backend`); without it
     * nothing is sent and nothing fails. See the README, "Notifications".
     */
    notifications?: {
      /** Whether the plugin sends notifications. Default true. */
      enabled?: boolean;
      /**
       * Who is told of a requested exemption, for every entity: group or
       * user entity refs (a bare name is a group). Default: the entity's
       * owner. Who may decide is the `maturity.exemption.decide`
       * permission's business; this only says whom to tell.
       */
      exemptionDeciders?: string[];
    };
    /** Limits of the ingest API (`POST /api/maturity/v1/events`). */
    ingest?: {
      /** Most events one batch may hold. Default 1000. */
      maxEventsPerBatch?: number;
      /** Largest request body in bytes. Default 5 MiB. */
      maxBodyBytes?: number;
      /**
       * Who may write which sources through the ingest API. A static token
       * (`backend.auth.externalAccess`, by its `subject`) or a user (by entity
       * ref) bound here writes only its sources, and no other caller writes
       * them. Ids of installed source modules cannot be bound.
       * Unbound service tokens may write any other source; users may write
       * only sources bound to them. See the README, "Tokens for CI tools".
       */
      writers?: Array<{
        /** The `subject` of a static token in `backend.auth.externalAccess`. */
        subject?: string;
        /** A user entity ref, e.g. `user:default/jane`. */
        user?: string;
        /** Source names this writer alone may write, e.g. `[jenkins]`. */
        sources: string[];
      }>;
    };
  };
}
