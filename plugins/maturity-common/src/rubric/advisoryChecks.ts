import { RubricCheck } from './Rubric';
import { canonicalJson, fnv1a } from './rubricVersion';
import { utcDayToDate } from './heldLevels';

/**
 * What makes a check the check it is for the holding rule: its rule (what
 * it looks at and its threshold), its category, level and whether it is
 * required. Any change of these gives a new fingerprint and the check
 * counts as new: a loosened threshold too, as telling stricter from looser
 * for every kind of rule is not worth the risk of getting it wrong. Titles
 * and how-to-fix texts are left out.
 * @public
 */
export function checkFingerprint(check: RubricCheck): string {
  return fnv1a(
    canonicalJson({
      rule: check.rule,
      category: check.category,
      level: check.level,
      required: check.required,
    }),
  );
}

/**
 * The checks advisory on `today` (days since 1970-01-01 UTC): those whose
 * current fingerprint was first seen fewer than `advisoryDays` days before,
 * each with the day (`YYYY-MM-DD`) from which it counts in levels.
 * @public
 */
export function advisoryChecksOn(
  firstSeenDays: ReadonlyMap<string, number>,
  today: number,
  advisoryDays: number,
): Record<string, string> {
  const advisory: Record<string, string> = {};
  for (const [checkId, firstSeen] of firstSeenDays) {
    const countsFrom = firstSeen + advisoryDays;
    if (today < countsFrom) advisory[checkId] = utcDayToDate(countsFrom);
  }
  return advisory;
}
