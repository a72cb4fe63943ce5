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
  medianLevel,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';

/** An entity's levels under one rubric. */
export interface PreviewLevels {
  overall: MaturityLevel;
  categories: Map<CategoryId, MaturityLevel>;
  /** Only for ML entities. */
  mlops?: MaturityLevel;
}

/** A level as a preview evaluates it: its enabled checks only. */
interface LadderStep {
  level: MaturityLevel;
  checks: Array<{ id: string; required: boolean }>;
}

/** A rubric's ladders, prepared once: every entity climbs the same ones. */
interface Ladders {
  categories: Array<{ id: CategoryId; steps: LadderStep[] }>;
  mlops: LadderStep[];
}

const prepared = new WeakMap<Rubric, Ladders>();

function stepsOf(levels: RubricLevel[]): LadderStep[] {
  return [...levels]
    .sort((a, b) => a.level - b.level)
    .map(level => ({
      level: level.level,
      checks: level.checks
        .filter(check => check.enabled)
        .map(check => ({ id: check.id, required: check.required })),
    }));
}

function laddersOf(rubric: Rubric): Ladders {
  let ladders = prepared.get(rubric);
  if (!ladders) {
    ladders = {
      categories: rubric.categories.map(c => ({
        id: c.id,
        steps: stepsOf(c.levels),
      })),
      mlops: stepsOf(rubric.mlops.levels),
    };
    prepared.set(rubric, ladders);
  }
  return ladders;
}

/**
 * The highest level L such that levels 1..L are all met, as ladderLevel
 * decides it, climbing only as far as the first unmet level: most entities
 * stop low, and the levels above cannot count.
 */
function climb(
  steps: LadderStep[],
  stateOf: (checkId: string) => CheckState | undefined,
  share: ScoredShare,
): MaturityLevel {
  let reached: MaturityLevel = 0;
  for (const step of steps) {
    if (step.level !== reached + 1) break;
    const { met } = evaluateLevel(
      step.level,
      step.checks.map(check => ({
        required: check.required,
        // A check without a state was not evaluated: it cannot count.
        state: stateOf(check.id) ?? 'not-applicable',
      })),
      share,
    );
    if (!met) break;
    reached = step.level;
  }
  return reached;
}

/**
 * An entity's levels under a rubric from its checks' states alone, by the
 * rubric's level mechanics (evaluateScorecard's, without re-evaluating a
 * check): each category's strict ladder, their median, and the MLOps
 * ladder (at most 2) for ML entities. With `scopes`, only those categories
 * (and `mlops`) are climbed; the others are taken from `others`, the same
 * entity's levels under a rubric that differs only in those scopes.
 */
export function levelsFromStates(
  rubric: Rubric,
  stateOf: (checkId: string) => CheckState | undefined,
  isMl: boolean,
  reuse?: { scopes: ReadonlySet<string>; others: PreviewLevels },
): PreviewLevels {
  const ladders = laddersOf(rubric);
  const categories = new Map<CategoryId, MaturityLevel>();
  for (const { id, steps } of ladders.categories) {
    const known = reuse?.scopes.has(id)
      ? undefined
      : reuse?.others.categories.get(id);
    categories.set(id, known ?? climb(steps, stateOf, CATEGORY_SCORED_SHARE));
  }
  const result: PreviewLevels = {
    overall: medianLevel([...categories.values()]),
    categories,
  };
  if (isMl) {
    const known = reuse?.scopes.has('mlops') ? undefined : reuse?.others.mlops;
    result.mlops =
      known ??
      (Math.min(
        climb(ladders.mlops, stateOf, MLOPS_SCORED_SHARE),
        2,
      ) as MaturityLevel);
  }
  return result;
}
