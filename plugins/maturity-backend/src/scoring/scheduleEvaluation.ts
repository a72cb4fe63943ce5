import {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { ScorecardStore } from '../database/ScorecardStore';
import { EntityEvaluator } from './EntityEvaluator';

/** Entities with new events are picked up this often. */
const QUEUE_FREQUENCY = { seconds: 30 };
const QUEUE_BATCH = 500;

/**
 * Two scheduled tasks, each run once across replicas: the full evaluation
 * on the configured cadence, and a short-cadence one that evaluates the
 * entities whose events changed since.
 */
export async function scheduleEvaluation(options: {
  scheduler: SchedulerService;
  schedule: SchedulerServiceTaskScheduleDefinition;
  evaluator: EntityEvaluator;
  scorecards: ScorecardStore;
  logger: LoggerService;
  historyBackfillDays: number;
  historyBackfillIntervalDays: number;
}) {
  const { scheduler, schedule, evaluator, scorecards, logger } = options;
  await scheduler.scheduleTask({
    id: 'maturity-evaluate-all',
    scope: 'global',
    ...schedule,
    fn: async () => {
      const now = new Date();
      if (
        options.historyBackfillDays > 0 &&
        !(await scorecards.hasHistoryBefore(now))
      ) {
        await evaluator.backfillHistory(
          options.historyBackfillDays,
          now,
          options.historyBackfillIntervalDays,
        );
      }
      await evaluator.evaluateAll(now);
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
        const refs = await scorecards.takeQueuedEvaluations(QUEUE_BATCH);
        if (refs.length === 0) return;
        const evaluated = await evaluator.evaluateRefs(refs);
        logger.debug(`Evaluated ${evaluated} entities with new events`);
      }
    },
  });
}
