import {
  CheckState,
  EvaluationInput,
  Rubric,
  RubricPreviewScope,
  evaluateCheck,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { RubricComparison } from './compareRubrics';
import { PreviewLevels, levelsFromStates } from './levelsFromStates';

/** One level of an entity the proposal changes. */
export interface LevelChange {
  scope: RubricPreviewScope;
  from: number;
  to: number;
  /** The changed checks responsible: those of the scope's levels between. */
  checks: string[];
}

/** What a proposed rubric does to one entity. */
export type EntityPreview =
  | { previewable: true; changes: LevelChange[] }
  /** A check to re-evaluate needs inputs the entity's evaluation did not store. */
  | { previewable: false };

/** The entity's stored results a preview reads. */
export interface StoredResults {
  checkStates: Record<string, CheckState>;
  isMl: boolean;
  /** The stored evaluation input; needed only to re-evaluate checks. */
  input?: EvaluationInput;
}

/** The rubrics compared, and how they differ. */
export interface PreviewContext {
  current: Rubric;
  proposed: Rubric;
  comparison: RubricComparison;
  /** The active rubric's checks advisory now: they count in no level. */
  advisoryChecks: ReadonlySet<string>;
}

function responsibleChecks(
  context: PreviewContext,
  scope: RubricPreviewScope,
  from: number,
  to: number,
): string[] {
  // A level moves when one of its levels from the lower up to the higher
  // one changes whether it is met.
  const low = Math.min(from, to);
  const high = Math.max(from, to);
  return context.comparison.changedChecks
    .filter(c => c.category === scope && c.level > low && c.level <= high)
    .map(c => c.checkId);
}

/**
 * The levels a proposed rubric gives an entity, compared with those the
 * active rubric gives the same stored results. Checks the proposal leaves
 * as they are keep their stored states; changed and added checks are
 * evaluated from the stored input, and a check exempt for the entity stays
 * exempt (a waiver is of a check id, whatever its rule).
 */
export function previewEntity(
  context: PreviewContext,
  stored: StoredResults,
): EntityPreview {
  const { checkStates } = stored;
  const fresh = new Map<string, CheckState>();
  if (context.comparison.reevaluate.length > 0) {
    const input = stored.input;
    if (!input) return { previewable: false };
    for (const check of context.comparison.reevaluate) {
      fresh.set(
        check.id,
        checkStates[check.id] === 'exempt'
          ? 'exempt'
          : evaluateCheck(check, input).state,
      );
    }
  }
  const { advisoryChecks, comparison } = context;
  const before = levelsFromStates(
    context.current,
    {
      stateOf: id => checkStates[id],
      counts: id => !advisoryChecks.has(id),
    },
    stored.isMl,
  );
  // Only the scopes with a changed check can differ: the others are the
  // same levels as before, by the same checks and states. Advisory checks
  // stay out as before, but for those the proposal changes: the preview
  // shows what a change does once it counts.
  const after = levelsFromStates(
    context.proposed,
    {
      stateOf: id => fresh.get(id) ?? checkStates[id],
      counts: id => !advisoryChecks.has(id) || comparison.changed.has(id),
    },
    stored.isMl,
    { scopes: comparison.scopes, others: before },
  );
  return { previewable: true, changes: levelChanges(context, before, after) };
}

function levelChanges(
  context: PreviewContext,
  before: PreviewLevels,
  after: PreviewLevels,
): LevelChange[] {
  const changes: LevelChange[] = [];
  const categoryChecks: string[] = [];
  for (const [category, from] of before.categories) {
    const to = after.categories.get(category) ?? from;
    if (to === from) continue;
    const checks = responsibleChecks(context, category, from, to);
    categoryChecks.push(...checks);
    changes.push({ scope: category, from, to, checks });
  }
  if (before.overall !== after.overall) {
    changes.unshift({
      scope: 'overall',
      from: before.overall,
      to: after.overall,
      checks: categoryChecks,
    });
  }
  if (
    before.mlops !== undefined &&
    after.mlops !== undefined &&
    before.mlops !== after.mlops
  ) {
    changes.push({
      scope: 'mlops',
      from: before.mlops,
      to: after.mlops,
      checks: responsibleChecks(context, 'mlops', before.mlops, after.mlops),
    });
  }
  return changes;
}
