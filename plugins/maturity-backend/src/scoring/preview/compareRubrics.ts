import {
  CheckRule,
  Rubric,
  RubricCheck,
  RubricCheckChange,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';

/** How a proposed rubric differs from the active one, check by check. */
export interface RubricComparison {
  /** Every check the proposal changes, added or removes, in rubric order. */
  changedChecks: RubricCheckChange[];
  /** The ids of `changedChecks`. */
  changed: Set<string>;
  /**
   * Proposed checks that stored states cannot stand for: enabled, and added
   * or with a new rule or disabled in the active rubric (so never stored).
   */
  reevaluate: RubricCheck[];
  /** Whether a check to re-evaluate reads metrics. */
  readsMetrics: boolean;
  /** The categories (and `mlops`) of the changed checks. */
  scopes: Set<string>;
}

/** Every check of a rubric, its categories' and its MLOps track's. */
export function checksOf(rubric: Rubric): RubricCheck[] {
  return [
    ...rubric.categories.flatMap(c => c.levels.flatMap(l => l.checks)),
    ...rubric.mlops.levels.flatMap(l => l.checks),
  ];
}

function readsMetrics(rule: CheckRule): boolean {
  switch (rule.kind) {
    case 'metric':
    case 'metrics-computable':
      return true;
    case 'all':
    case 'any':
      return rule.rules.some(readsMetrics);
    default:
      return false;
  }
}

function changeOf(check: RubricCheck): Omit<RubricCheckChange, 'changes'> {
  return {
    checkId: check.id,
    title: check.title,
    category: check.category,
    level: check.level,
  };
}

/**
 * Compares a proposed rubric with the active one: what changed in each
 * check (rules compared as data, so any threshold or operator counts) and
 * which checks must be evaluated afresh.
 */
export function compareRubrics(
  current: Rubric,
  proposed: Rubric,
): RubricComparison {
  const currentById = new Map(checksOf(current).map(c => [c.id, c]));
  const changedChecks: RubricCheckChange[] = [];
  const reevaluate: RubricCheck[] = [];
  for (const check of checksOf(proposed)) {
    const before = currentById.get(check.id);
    currentById.delete(check.id);
    const changes: RubricCheckChange['changes'] = [];
    if (!before) {
      changes.push('added');
      if (!check.enabled) changes.push('disabled');
    } else {
      if (before.enabled !== check.enabled) {
        changes.push(check.enabled ? 'enabled' : 'disabled');
      }
      if (before.required !== check.required) {
        changes.push(check.required ? 'required' : 'not-required');
      }
      if (JSON.stringify(before.rule) !== JSON.stringify(check.rule)) {
        changes.push('rule');
      }
    }
    if (changes.length === 0) continue;
    changedChecks.push({ ...changeOf(check), changes });
    const neverStored = !before || !before.enabled;
    if (check.enabled && (neverStored || changes.includes('rule'))) {
      reevaluate.push(check);
    }
  }
  // Checks an app-config `addChecks` added that the proposal does not.
  for (const check of currentById.values()) {
    changedChecks.push({ ...changeOf(check), changes: ['removed'] });
  }
  return {
    changedChecks,
    changed: new Set(changedChecks.map(c => c.checkId)),
    reevaluate,
    readsMetrics: reevaluate.some(c => readsMetrics(c.rule)),
    scopes: new Set(changedChecks.map(c => c.category)),
  };
}
