import {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { EvaluationQueue } from '../database/EvaluationQueue';
import { HistoryStore } from '../database/HistoryStore';
import { RollupBuilder } from '../rollups/RollupBuilder';
import { EntityEvaluator } from './EntityEvaluator';

/** Entities with new events are picked up this often. */
const QUEUE_FREQUENCY = { seconds: 30 };
const QUEUE_BATCH = 500;

/**
 * Two scheduled tasks, each run once across replicas: the full evaluation
 * on the configured cadence, followed by a rebuild of the rollups, and a
 * short-cadence one that evaluates the entities whose events changed since
 * (the evaluator asks for a debounced rollup rebuild after it).
 */
export async function scheduleEvaluation(options: {
  scheduler: SchedulerService;
  schedule: SchedulerServiceTaskScheduleDefinition;
  evaluator: EntityEvaluator;
  rollups: RollupBuilder;
  history: Pick<HistoryStore, 'hasHistoryBefore'>;
  evaluationQueue: Pick<EvaluationQueue, 'takeQueuedEvaluations'>;
  logger: LoggerService;
  historyBackfillDays: number;
  historyBackfillIntervalDays: number;
}) {
  const { scheduler, schedule, evaluator, history, evaluationQueue, logger } =
    options;
  await scheduler.scheduleTask({
    id: 'maturity-evaluate-all',
    scope: 'global',
    ...schedule,
    fn: async () => {
      const now = new Date();
      if (
        options.historyBackfillDays > 0 &&
        !(await history.hasHistoryBefore(now))
      ) {
        await evaluator.backfillHistory(
          options.historyBackfillDays,
          now,
          options.historyBackfillIntervalDays,
        );
      }
      await evaluator.evaluateAll(now);
      await options.rollups.rebuild(now);
    },
  });
  await scheduler.scheduleTask({
    id: 'maturity-evaluate-changed',
    scope: 'global',
    frequency: QUEUE_FREQUENCY,
    timeout: { minutes: 10 },
    initialDelay: QUEUE_FREQUENCY,
    fn: async () => {
      for (;;) {
        const refs = await evaluationQueue.takeQueuedEvaluations(QUEUE_BATCH);
        if (refs.length === 0) return;
        const evaluated = await evaluator.evaluateRefs(refs);
        logger.debug(`Evaluated ${evaluated} entities with new events`);
      }
    },
  });
}
