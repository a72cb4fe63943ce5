import { BuildEvent } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { DemoDayPlan } from './DemoDayPlan';
import { DemoPlanningContext, demoIdPrefix } from './demoPlanningContext';
import { DEFAULT_BRANCH, planChanges } from './planChanges';
import { planDeploys } from './planDeploys';
import { planUnrelatedIncidents } from './planIncidents';
import { SeededRandom } from './seededRandom';
import { MINUTE_MS, isoTime, startOfUtcDay, utcDayKey } from './utcDays';

/**
 * Plans one UTC day of one entity. Each concern draws from its own stream,
 * seeded by entity, day and concern, so a change to how deploys are planned
 * leaves the day's changes as they were.
 *
 * @internal
 */
export function planDemoDay(
  context: DemoPlanningContext,
  day: number,
): DemoDayPlan {
  const dayKey = utcDayKey(day);
  const seed = `${context.entityRef}|${dayKey}`;
  const plan: DemoDayPlan = {
    day,
    changes: planChanges(context, day, new SeededRandom(`${seed}|changes`)),
    deploys: [],
    unrelatedIncidents: [],
  };
  if (context.deployable) {
    plan.deploys = planDeploys(
      context,
      day,
      new SeededRandom(`${seed}|deploys`),
      plan.changes,
    );
    plan.unrelatedIncidents = planUnrelatedIncidents(
      context,
      day,
      new SeededRandom(`${seed}|incidents`),
    );
  }
  if (context.trainsModels) {
    plan.trainingRun = planTrainingRun(
      context,
      day,
      new SeededRandom(`${seed}|training`),
    );
  }
  return plan;
}

/** The nightly scheduled training run of an ML pipeline. */
function planTrainingRun(
  context: DemoPlanningContext,
  day: number,
  random: SeededRandom,
): BuildEvent {
  const startMs =
    startOfUtcDay(day) + (2 * 60 + random.between(0, 10)) * MINUTE_MS;
  const durationMs = random.skewed([40, 150]) * MINUTE_MS;
  return {
    type: 'build',
    source: 'demo',
    entityRef: context.entityRef,
    externalId: demoIdPrefix(context, 'training', day),
    pipeline: 'train-model',
    branch: DEFAULT_BRANCH,
    isDefaultBranch: true,
    trigger: 'schedule',
    status: random.chance(0.92) ? 'success' : 'failure',
    startedAt: isoTime(startMs),
    finishedAt: isoTime(startMs + durationMs),
    steps: ['build', 'publish'],
  };
}
