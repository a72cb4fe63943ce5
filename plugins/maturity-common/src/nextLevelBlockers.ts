import { CategoryId, CheckResult, Scorecard } from './scorecard';

/**
 * For each category below level 5, the checks of its first unmet level that
 * are not met (failing or lacking data), required check first: the short list
 * that would lift the entity to the next level.
 * @public
 */
export function nextLevelBlockers(
  scorecard: Scorecard,
): Array<{ category: CategoryId; nextLevel: number; checks: CheckResult[] }> {
  const result = [];
  for (const category of scorecard.categories) {
    if (category.level >= 5) continue;
    const nextLevel = category.level + 1;
    const checks = scorecard.checks
      .filter(
        c =>
          c.category === category.category &&
          c.level === nextLevel &&
          !c.countsFrom &&
          (c.state === 'fail' || c.state === 'insufficient-data'),
      )
      .sort((a, b) => Number(b.required) - Number(a.required));
    result.push({ category: category.category, nextLevel, checks });
  }
  return result;
}
