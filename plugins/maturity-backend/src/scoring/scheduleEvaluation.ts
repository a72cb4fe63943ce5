import { randomUUID } from 'node:crypto';
import {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { EvaluationQueue } from '../database/EvaluationQueue';
import { ShardCompletions } from '../database/ShardCompletions';
import { RollupBuilder } from '../rollups/RollupBuilder';
import { EntityEvaluator } from './EntityEvaluator';

/** Entities with new events are picked up this often. */
const QUEUE_FREQUENCY = { seconds: 30 };
/**
 * A queued run's time limit: a batch takes about a second, and a run stops
 * taking batches at half of it. A replica that dies holding the task or
 * queued entities is relieved after this long.
 */
export const QUEUE_TIMEOUT_MS = 2 * 60_000;
const QUEUE_BATCH = 500;

/** The id of the scheduled task of one shard of the full evaluation. */
export function evaluateAllTaskId(index: number) {
  return `maturity-evaluate-all-${index}`;
}

/**
 * The scheduled tasks, each run once across replicas:
 *
 * - `maturity-evaluate-all-<i>`, one per shard: the shard's entities on the
 *   configured cadence (after filling any history the backfill still
 *   lacks). Any replica may take any shard, so the full evaluation spreads
 *   over them; the last shard of a cadence to complete rebuilds the
 *   rollups. A shard's run that fails or dies is run again (by the
 *   scheduler, on any replica, after its timeout) and the rollups follow
 *   that run.
 * - `maturity-evaluate-changed`: the entities whose events changed, taken
 *   from the queue under a lease and removed only once evaluated (the
 *   evaluator asks for a debounced rollup rebuild after it).
 */
export async function scheduleEvaluation(options: {
  scheduler: SchedulerService;
  schedule: SchedulerServiceTaskScheduleDefinition;
  shards: number;
  evaluator: EntityEvaluator;
  rollups: Pick<RollupBuilder, 'rebuild'>;
  evaluationQueue: Pick<
    EvaluationQueue,
    | 'takeQueuedEvaluations'
    | 'completeQueuedEvaluations'
    | 'releaseQueuedEvaluations'
  >;
  shardCompletions: ShardCompletions;
  logger: LoggerService;
  historyBackfillDays: number;
  historyBackfillIntervalDays: number;
}) {
  const { scheduler, schedule, evaluator, evaluationQueue, logger } = options;
  for (let index = 0; index < options.shards; index++) {
    const shard = { index, count: options.shards };
    await scheduler.scheduleTask({
      id: evaluateAllTaskId(index),
      scope: 'global',
      ...schedule,
      fn: async signal => {
        const now = new Date();
        if (options.historyBackfillDays > 0) {
          await evaluator.backfillHistory(
            options.historyBackfillDays,
            now,
            options.historyBackfillIntervalDays,
            shard,
            signal,
          );
        }
        await evaluator.evaluateAll(now, shard, signal);
        // Only a complete run counts: one cut short is run again.
        if (
          await options.shardCompletions.completeShard(index, shard.count, now)
        ) {
          await options.rollups.rebuild(now);
        }
      },
    });
  }
  await scheduler.scheduleTask({
    id: 'maturity-evaluate-changed',
    scope: 'global',
    frequency: QUEUE_FREQUENCY,
    timeout: { milliseconds: QUEUE_TIMEOUT_MS },
    initialDelay: QUEUE_FREQUENCY,
    fn: async signal => {
      const stopTakingAt = Date.now() + QUEUE_TIMEOUT_MS / 2;
      while (!signal?.aborted && Date.now() < stopTakingAt) {
        const now = new Date();
        const lease = {
          owner: randomUUID(),
          now,
          // The lease outlives the run: nobody else takes its entities
          // while it may still be evaluating them.
          expiresAt: new Date(now.getTime() + QUEUE_TIMEOUT_MS),
        };
        const refs = await evaluationQueue.takeQueuedEvaluations(
          QUEUE_BATCH,
          lease,
        );
        if (refs.length === 0) return;
        try {
          const evaluated = await evaluator.evaluateRefs(refs, now);
          await evaluationQueue.completeQueuedEvaluations(lease.owner);
          logger.debug(`Evaluated ${evaluated} entities with new events`);
        } catch (error) {
          // Back to the queue at once, for the next run on any replica.
          await evaluationQueue.releaseQueuedEvaluations(lease.owner);
          throw error;
        }
      }
    },
  });
}
