import {
  CategoryId,
  CheckState,
  MaturityLevel,
  Rubric,
  RubricLevel,
  evaluateLevel,
  ladderLevel,
  medianLevel,
  mlopsLevel,
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

/** How a preview reads an entity's checks. */
export interface CheckReading {
  /** A check's stored (or re-evaluated) state; none: it was not evaluated. */
  stateOf: (checkId: string) => CheckState | undefined;
  /** Whether a check counts in levels: advisory checks do not. */
  counts: (checkId: string) => boolean;
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

/** The entity's counted checks of one level, as the level mechanics read them. */
function countedChecks(step: LadderStep, reading: CheckReading) {
  return step.checks
    .filter(check => reading.counts(check.id))
    .map(check => ({
      level: step.level,
      required: check.required,
      // A check without a state was not evaluated: it cannot count.
      state: reading.stateOf(check.id) ?? ('not-applicable' as CheckState),
    }));
}

/**
 * An entity's levels under a rubric from its checks' states alone, by
 * -common's level mechanics (evaluateScorecard's, without re-evaluating a
 * check): each category's strict ladder, their median, and the MLOps level
 * for ML entities; advisory checks are left out, as evaluateScorecard leaves
 * them out. With `reuse`, only its scopes (categories and `mlops`) are
 * evaluated; the others are taken from `others`, the same entity's levels
 * under a rubric that differs only in those scopes.
 */
export function levelsFromStates(
  rubric: Rubric,
  reading: CheckReading,
  isMl: boolean,
  reuse?: { scopes: ReadonlySet<string>; others: PreviewLevels },
): PreviewLevels {
  const ladders = laddersOf(rubric);
  const categories = new Map<CategoryId, MaturityLevel>();
  for (const { id, steps } of ladders.categories) {
    const known = reuse?.scopes.has(id)
      ? undefined
      : reuse?.others.categories.get(id);
    categories.set(
      id,
      known ??
        ladderLevel(
          steps.map(step =>
            evaluateLevel(step.level, countedChecks(step, reading)),
          ),
        ),
    );
  }
  const result: PreviewLevels = {
    overall: medianLevel([...categories.values()]),
    categories,
  };
  if (isMl) {
    const known = reuse?.scopes.has('mlops') ? undefined : reuse?.others.mlops;
    result.mlops =
      known ??
      mlopsLevel(
        rubric.mlops,
        ladders.mlops.flatMap(step =>
          countedChecks(step, reading).map(check => ({
            ...check,
            category: 'mlops' as const,
          })),
        ),
      ).level;
  }
  return result;
}
