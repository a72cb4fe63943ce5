import { CategoryResult, CheckResult, Scorecard } from '../scorecard';
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

function evaluateLevelChecks(
  level: RubricLevel,
  input: EvaluationInput,
): CheckResult[] {
  return level.checks
    .filter(check => check.enabled)
    .map(check => evaluateCheck(check, input));
}

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
 * delivery performance beside it, and the MLOps level for ML entities.
 * Pure and deterministic: no clock, no I/O; `input.now` is the time.
 * @public
 */
export function evaluateScorecard(
  rubric: Rubric,
  input: EvaluationInput,
): Scorecard {
  const checks: CheckResult[] = [];
  const categories: CategoryResult[] = rubric.categories.map(category => {
    const levels = levelsInOrder(category).map(level => {
      const results = evaluateLevelChecks(level, input);
      checks.push(...results);
      return evaluateLevel(level.level, results);
    });
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
  };

  if (isMlEntity(input.entity, rubric.mlops)) {
    const mlopsChecks = rubric.mlops.levels.flatMap(level =>
      evaluateLevelChecks(level, input),
    );
    checks.push(...mlopsChecks);
    scorecard.mlops = mlopsLevel(rubric.mlops, mlopsChecks);
  }
  return scorecard;
}
