import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  applyRubricOverrides,
  defaultRubric,
  Rubric,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';

/** How and when entities are evaluated, read once at start-up. */
export interface EvaluationConfig {
  rubric: Rubric;
  schedule: SchedulerServiceTaskScheduleDefinition;
  windowDays: number;
  kinds: string[];
  nonDeployableTypes: string[];
  batchSize: number;
  /** Days of history to compute from raw events when there is none. */
  historyBackfillDays: number;
  /** Every how many days a backfilled history point is computed. */
  historyBackfillIntervalDays: number;
  /** Parts of the full evaluation, each its own task any replica may run. */
  shards: number;
  /** Distinct UTC days in a row below its held level before a level drops. */
  levelDropAfterDays: number;
  /** Days a new or changed check is advisory (not counted in levels). */
  advisoryDays: number;
}

/**
 * Each shard's run: a quarter of 10,000 entities takes about 3 seconds, its
 * first history backfill (90 days) about 4 minutes. A replica that dies
 * running a shard is relieved when the timeout passes.
 */
const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { hours: 1 },
  timeout: { minutes: 10 },
  initialDelay: { seconds: 20 },
};

/**
 * Four shards: two or three replicas each take a share (an even one with
 * two or four), a shard of a 10,000-entity catalog runs in seconds, and
 * the cost each shard repeats (reading the catalog scope, refreshing the
 * planner's statistics) stays small.
 */
const DEFAULT_SHARDS = 4;

function wholeNumber(
  config: Config,
  key: string,
  fallback: number,
  minimum: number,
  maximum = Infinity,
) {
  const value = config.getOptionalNumber(key) ?? fallback;
  if (!Number.isInteger(value) || value < minimum || value > maximum) {
    const range =
      maximum === Infinity
        ? `of at least ${minimum}`
        : `from ${minimum} to ${maximum}`;
    throw new Error(
      `Invalid config at maturity.${key}: must be an integer ${range}, got ${value}`,
    );
  }
  return value;
}

/**
 * The largest batch an evaluation reads at once. A batch's reads bind each
 * of its entity refs several times, the deployments read the most: about 23
 * parameters per entity when every entity names a production environment of
 * its own but one, and incidents name commits. SQLite allows 32,766 bound
 * parameters a statement (about 1,420 such entities), PostgreSQL 65,535.
 */
export const MAX_BATCH_SIZE = 1000;

/**
 * Reads `maturity.evaluation` and `maturity.rubric`. A broken rubric override
 * stops start-up with an error naming its config path.
 */
export function readEvaluationConfig(root: Config): EvaluationConfig {
  const config = root.getOptionalConfig('maturity') ?? root;
  const evaluation = config.getOptionalConfig('evaluation');
  const rubricOverrides = config.getOptional('rubric');
  return {
    rubric: rubricOverrides
      ? applyRubricOverrides(defaultRubric, rubricOverrides)
      : defaultRubric,
    schedule: evaluation?.has('schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          evaluation.getConfig('schedule'),
        )
      : DEFAULT_SCHEDULE,
    windowDays: wholeNumber(config, 'evaluation.windowDays', 90, 1),
    batchSize: wholeNumber(
      config,
      'evaluation.batchSize',
      500,
      1,
      MAX_BATCH_SIZE,
    ),
    historyBackfillDays: wholeNumber(
      config,
      'evaluation.historyBackfillDays',
      0,
      0,
    ),
    historyBackfillIntervalDays: wholeNumber(
      config,
      'evaluation.historyBackfillIntervalDays',
      1,
      1,
    ),
    shards: wholeNumber(config, 'evaluation.shards', DEFAULT_SHARDS, 1),
    levelDropAfterDays: wholeNumber(
      config,
      'evaluation.levelDropAfterDays',
      3,
      1,
    ),
    advisoryDays: wholeNumber(config, 'evaluation.advisoryDays', 14, 0),
    kinds: evaluation?.getOptionalStringArray('kinds') ?? ['Component'],
    nonDeployableTypes: evaluation?.getOptionalStringArray(
      'nonDeployableTypes',
    ) ?? ['library'],
  };
}
