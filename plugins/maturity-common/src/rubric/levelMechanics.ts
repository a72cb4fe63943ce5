import {
  CheckResult,
  CheckState,
  LevelResult,
  MaturityLevel,
} from '../scorecard';

const MET_STATES: CheckState[] = ['pass', 'exempt'];
// Not applicable and insufficient data are both left out of the scored
// count: neither is evidence that the practice is missing.
const APPLICABLE_STATES: CheckState[] = ['pass', 'exempt', 'fail'];

/**
 * Share of a level's applicable scored checks that must be met: two thirds
 * for CDMM categories (docs/scoring.md), all of them for the MLOps track.
 * @public
 */
export interface ScoredShare {
  numerator: number;
  denominator: number;
}

/** @public */
export const CATEGORY_SCORED_SHARE: ScoredShare = {
  numerator: 2,
  denominator: 3,
};

/** @public */
export const MLOPS_SCORED_SHARE: ScoredShare = { numerator: 1, denominator: 1 };

/**
 * Whether one level is met: its required check is pass or exempt, and at
 * least ceil(share × n) of its n applicable scored checks are pass or
 * exempt (0 applicable → met on the required check alone). A level with no
 * required check (possible only in a hand-built rubric) is judged on its
 * scored checks.
 * @public
 */
export function evaluateLevel(
  level: MaturityLevel,
  checks: ReadonlyArray<Pick<CheckResult, 'required' | 'state'>>,
  share: ScoredShare = CATEGORY_SCORED_SHARE,
): LevelResult {
  // One pass, no intermediate arrays: every level of every entity comes
  // through here, twice when a waiver is involved.
  let required: Pick<CheckResult, 'required' | 'state'> | undefined;
  let applicable = 0;
  let passed = 0;
  for (const check of checks) {
    if (check.required) {
      required ??= check;
    } else if (APPLICABLE_STATES.includes(check.state)) {
      applicable++;
      if (MET_STATES.includes(check.state)) passed++;
    }
  }
  // Integer arithmetic: ceil(2n/3) without floating-point surprises.
  const needed = Math.ceil((applicable * share.numerator) / share.denominator);
  const requiredMet = required ? MET_STATES.includes(required.state) : true;
  return {
    level,
    met: requiredMet && passed >= needed,
    insufficientData: required?.state === 'insufficient-data',
    passedScored: passed,
    applicableScored: applicable,
  };
}

/**
 * The highest level L such that levels 1..L are all met (strict ladder: a
 * met level above an unmet one does not count).
 * @public
 */
export function ladderLevel(levels: LevelResult[]): MaturityLevel {
  // Evaluated levels come in order: copy and sort only when they do not.
  const ordered = levels.every(
    (l, i) => i === 0 || levels[i - 1].level <= l.level,
  )
    ? levels
    : [...levels].sort((a, b) => a.level - b.level);
  let reached: MaturityLevel = 0;
  for (const result of ordered) {
    if (result.level !== reached + 1 || !result.met) {
      break;
    }
    reached = result.level;
  }
  return reached;
}

/**
 * Median of the category levels; for an even count the lower middle value,
 * so the overall level is never a level no category reached.
 * @public
 */
export function medianLevel(levels: MaturityLevel[]): MaturityLevel {
  if (levels.length === 0) {
    return 0;
  }
  const sorted = [...levels].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/**
 * True when the categories are far apart (max − min ≥ 2), which the median
 * alone would hide.
 * @public
 */
export function isImbalanced(levels: MaturityLevel[]): boolean {
  if (levels.length === 0) {
    return false;
  }
  return Math.max(...levels) - Math.min(...levels) >= 2;
}
