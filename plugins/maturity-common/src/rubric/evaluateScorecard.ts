import {
  CategoryId,
  CategoryResult,
  CheckResult,
  LevelResult,
  MaturityLevel,
  Scorecard,
} from '../scorecard';
import { EvaluationInput } from './EvaluationInput';
import { Rubric, RubricCategory, RubricLevel } from './Rubric';
import { evaluateCheck } from './evaluateCheck';
import { evaluateDeliveryPerformance } from './deliveryPerformance';
import {
  evaluateLevel,
  isImbalanced,
  ladderLevel,
  medianLevel,
} from './levelMechanics';
import { isMlEntity, mlopsLevel } from './mlopsTrack';
import { withoutWaiver } from './waivers';

function evaluateLevelChecks(
  level: RubricLevel,
  input: EvaluationInput,
): CheckResult[] {
  return level.checks
    .filter(check => check.enabled)
    .map(check => {
      const result = evaluateCheck(check, input);
      // Advisory: shown with its state, left out of the levels.
      const countsFrom = input.advisoryChecks?.[check.id];
      if (countsFrom) result.countsFrom = countsFrom;
      return result;
    });
}

/**
 * Advisory checks do not count in levels yet: a level whose required check
 * is advisory is judged on its scored checks.
 */
const isCounted = (check: CheckResult) => !check.countsFrom;

const isExempt = (check: CheckResult) => check.state === 'exempt';

// A rubric is evaluated for every entity: sort each category's levels once.
const sortedLevels = new WeakMap<RubricCategory, RubricLevel[]>();

function levelsInOrder(category: RubricCategory): RubricLevel[] {
  let levels = sortedLevels.get(category);
  if (!levels) {
    levels = [...category.levels].sort((a, b) => a.level - b.level);
    sortedLevels.set(category, levels);
  }
  return levels;
}

/**
 * Grades one entity against a rubric: every enabled check, each category's
 * level (strict ladder), the overall level (median of the categories), DORA
 * delivery performance beside it, the MLOps level for ML entities, and all
 * of these levels again without the help of exemptions.
 * Pure and deterministic: no clock, no I/O; `input.now` is the time.
 * @public
 */
export function evaluateScorecard(
  rubric: Rubric,
  input: EvaluationInput,
): Scorecard {
  const checks: CheckResult[] = [];
  // Each category's level again with every exempt check counted as its
  // data alone judged it.
  const levelsWithoutWaivers = {} as Record<CategoryId, MaturityLevel>;
  const categories: CategoryResult[] = rubric.categories.map(category => {
    const unwaived: LevelResult[] = [];
    const levels = levelsInOrder(category).map(level => {
      const results = evaluateLevelChecks(level, input);
      checks.push(...results);
      // Advisory checks are rare: filter only when there is one.
      const counted = results.every(isCounted)
        ? results
        : results.filter(isCounted);
      const result = evaluateLevel(level.level, counted);
      // Without an exempt check the level is the same without waivers.
      unwaived.push(
        counted.some(isExempt)
          ? evaluateLevel(level.level, counted.map(withoutWaiver))
          : result,
      );
      return result;
    });
    levelsWithoutWaivers[category.id] = ladderLevel(unwaived);
    return { category: category.id, level: ladderLevel(levels), levels };
  });

  const categoryLevels = categories.map(c => c.level);
  const scorecard: Scorecard = {
    entityRef: input.entity.entityRef,
    rubricVersion: rubric.version,
    evaluatedAt: input.now,
    window: { from: input.window.from, to: input.window.to },
    overallLevel: medianLevel(categoryLevels),
    imbalanced: isImbalanced(categoryLevels),
    categories,
    checks,
    delivery: evaluateDeliveryPerformance(input.metrics, input.connections),
    levelsWithoutWaivers: {
      overallLevel: medianLevel(Object.values(levelsWithoutWaivers)),
      categoryLevels: levelsWithoutWaivers,
    },
  };

  if (isMlEntity(input.entity, rubric.mlops)) {
    const mlopsChecks = rubric.mlops.levels.flatMap(level =>
      evaluateLevelChecks(level, input),
    );
    checks.push(...mlopsChecks);
    scorecard.mlops = mlopsLevel(rubric.mlops, mlopsChecks.filter(isCounted));
    scorecard.levelsWithoutWaivers!.mlopsLevel = mlopsLevel(
      rubric.mlops,
      mlopsChecks.filter(isCounted).map(withoutWaiver),
    ).level;
  }
  return scorecard;
}
