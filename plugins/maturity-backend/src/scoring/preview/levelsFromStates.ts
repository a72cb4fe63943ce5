import {
  CATEGORY_SCORED_SHARE,
  CategoryId,
  CheckState,
  MLOPS_SCORED_SHARE,
  MaturityLevel,
  Rubric,
  RubricLevel,
  ScoredShare,
  evaluateLevel,
  ladderLevel,
  medianLevel,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';

/** An entity's levels under one rubric. */
export interface PreviewLevels {
  overall: MaturityLevel;
  categories: Map<CategoryId, MaturityLevel>;
  /** Only for ML entities. */
  mlops?: MaturityLevel;
}

function ladder(
  levels: RubricLevel[],
  stateOf: (checkId: string) => CheckState | undefined,
  share: ScoredShare,
): MaturityLevel {
  const results = levels.map(level =>
    evaluateLevel(
      level.level,
      level.checks
        .filter(check => check.enabled)
        // A check without a state was not evaluated: it cannot count.
        .map(check => ({
          required: check.required,
          state: stateOf(check.id) ?? 'not-applicable',
        })),
      share,
    ),
  );
  return ladderLevel(results);
}

/**
 * An entity's levels under a rubric from its checks' states alone, by the
 * rubric's level mechanics (evaluateScorecard's, without re-evaluating a
 * check): each category's strict ladder, their median, and the MLOps
 * ladder (at most 2) for ML entities.
 */
export function levelsFromStates(
  rubric: Rubric,
  stateOf: (checkId: string) => CheckState | undefined,
  isMl: boolean,
): PreviewLevels {
  const categories = new Map<CategoryId, MaturityLevel>();
  for (const category of rubric.categories) {
    const levels = [...category.levels].sort((a, b) => a.level - b.level);
    categories.set(category.id, ladder(levels, stateOf, CATEGORY_SCORED_SHARE));
  }
  const result: PreviewLevels = {
    overall: medianLevel([...categories.values()]),
    categories,
  };
  if (isMl) {
    const level = ladder(rubric.mlops.levels, stateOf, MLOPS_SCORED_SHARE);
    result.mlops = Math.min(level, 2) as MaturityLevel;
  }
  return result;
}
