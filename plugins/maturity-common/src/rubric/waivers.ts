import {
  CategoryId,
  CheckResult,
  CheckState,
  MaturityLevel,
  Scorecard,
} from '../scorecard';

/**
 * Whether a check is met only because of its exemption: exempt, and its
 * data alone would not pass. An exempt check that passes anyway is no
 * waiver; one evaluated before the underlying state was kept counts as
 * waived, since nothing says it would pass.
 * @public
 */
export function isWaived(
  check: Pick<CheckResult, 'state' | 'stateWithoutWaiver'>,
): boolean {
  return check.state === 'exempt' && check.stateWithoutWaiver !== 'pass';
}

/**
 * The check as its data alone judges it: an exempt check gets back the
 * state its exemption replaced (fail when that was not kept).
 * @public
 */
export function withoutWaiver(check: CheckResult): CheckResult {
  if (check.state !== 'exempt') return check;
  const state: CheckState = check.stateWithoutWaiver ?? 'fail';
  return { ...check, state };
}

/** A category whose level depends on waivers. @public */
export interface WaivedCategoryLevel {
  category: CategoryId;
  level: MaturityLevel;
  levelWithoutWaivers: MaturityLevel;
}

/**
 * The categories of a scorecard whose level would be lower without its
 * waivers, in the scorecard's order; empty when no waiver lifts a level
 * or the scorecard predates levels without waivers.
 * @public
 */
export function categoriesHeldByWaivers(
  scorecard: Pick<Scorecard, 'categories' | 'levelsWithoutWaivers'>,
): WaivedCategoryLevel[] {
  const without = scorecard.levelsWithoutWaivers;
  if (!without) return [];
  return scorecard.categories
    .map(c => ({
      category: c.category,
      level: c.level,
      levelWithoutWaivers: without.categoryLevels[c.category] ?? c.level,
    }))
    .filter(c => c.levelWithoutWaivers !== c.level);
}
