import {
  CategoryId,
  CategoryResult,
  CheckResult,
  LevelsWithoutWaivers,
  MaturityLevel,
  Scorecard,
} from '../scorecard';
import { isImbalanced, medianLevel } from './levelMechanics';

const DAY_MS = 86_400_000;

/**
 * What is remembered of one category's level between evaluations: the level
 * it holds, and on how many distinct UTC days (the last one `lastBelowDay`,
 * in days since 1970-01-01) the evaluations since found it below.
 * @public
 */
export interface HeldCategoryState {
  level: MaturityLevel;
  belowDays: number;
  lastBelowDay: number | null;
}

/** Each category's held state. @public */
export type HeldLevelsState = Partial<Record<CategoryId, HeldCategoryState>>;

/** The UTC day of an ISO time or date, in days since 1970-01-01. @public */
export function utcDayOf(time: string | Date): number {
  return Math.floor(new Date(time).getTime() / DAY_MS);
}

/** A day since 1970-01-01 as `YYYY-MM-DD`. @public */
export function utcDayToDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The holding rule for one category: a rise counts at once; a level below
 * the held one is held until evaluations on `dropAfterDays` consecutive
 * evaluated UTC days found it below (many evaluations on one day count
 * once), and then drops to the day's level. An evaluation at or above the
 * held level resets the count; a day without any evaluation is skipped (it
 * neither counts nor resets): "N consecutive daily evaluations" are N days
 * that had an evaluation, in a row.
 * @public
 */
export function holdCategoryLevel(
  previous: HeldCategoryState | undefined,
  raw: MaturityLevel,
  today: number,
  dropAfterDays: number,
): HeldCategoryState {
  if (!previous || raw >= previous.level) {
    return { level: raw, belowDays: 0, lastBelowDay: null };
  }
  const belowDays =
    previous.lastBelowDay === today
      ? previous.belowDays
      : previous.belowDays + 1;
  if (belowDays >= dropAfterDays) {
    return { level: raw, belowDays: 0, lastBelowDay: null };
  }
  return { level: previous.level, belowDays, lastBelowDay: today };
}

/**
 * The checks behind a category's dip: those of the levels between its raw
 * and held level that are not met (failing or lacking data), advisory ones
 * left out as they do not count.
 */
function checksBelow(
  checks: CheckResult[],
  category: CategoryId,
  raw: MaturityLevel,
  held: MaturityLevel,
): string[] {
  return checks
    .filter(
      c =>
        c.category === category &&
        c.level > raw &&
        c.level <= held &&
        !c.countsFrom &&
        (c.state === 'fail' || c.state === 'insufficient-data'),
    )
    .sort(
      (a, b) => a.level - b.level || Number(b.required) - Number(a.required),
    )
    .map(c => c.checkId);
}

/**
 * The levels without waivers beside held levels. Waiver debt is what
 * waivers lift a category today (its raw level less its raw level without
 * them); a held dip (its held level less its raw level) is not debt. So a
 * category is, without waivers, its held level lowered by as many levels
 * as waivers lift it today: never above its held level, equal to it when
 * waivers change nothing, and its raw level without waivers when it is not
 * held (held at 3, raw 2 thanks to a waiver, 1 without: 2 without waivers,
 * one level of debt, not two).
 */
function heldWithoutWaivers(
  withoutWaivers: LevelsWithoutWaivers,
  categories: CategoryResult[],
): LevelsWithoutWaivers {
  const categoryLevels = { ...withoutWaivers.categoryLevels };
  for (const category of categories) {
    const unwaived = categoryLevels[category.category];
    if (unwaived === undefined) continue;
    const raw = category.rawLevel ?? category.level;
    const lift = Math.max(0, raw - unwaived);
    categoryLevels[category.category] = (category.level -
      lift) as MaturityLevel;
  }
  return {
    ...withoutWaivers,
    categoryLevels,
    overallLevel: medianLevel(Object.values(categoryLevels)),
  };
}

/**
 * Applies the holding rule to a freshly evaluated scorecard (whose levels
 * are the raw ones): each category's `level` becomes its held level, with
 * `rawLevel` beside it, and `atRisk` while it is held above the raw level
 * (the day it would drop if still below then, and the checks that cause
 * it); the overall level and the imbalance follow from the held levels,
 * `rawOverallLevel` from the raw ones. Returns the state to remember.
 * Pure: `today` is the evaluation's UTC day.
 * @public
 */
export function applyHeldLevels(
  scorecard: Scorecard,
  previous: HeldLevelsState | undefined,
  options: { dropAfterDays: number },
): { scorecard: Scorecard; held: Record<CategoryId, HeldCategoryState> } {
  const today = utcDayOf(scorecard.evaluatedAt);
  const held = {} as Record<CategoryId, HeldCategoryState>;
  const categories = scorecard.categories.map((category): CategoryResult => {
    const raw = category.rawLevel ?? category.level;
    const state = holdCategoryLevel(
      previous?.[category.category],
      raw,
      today,
      options.dropAfterDays,
    );
    held[category.category] = state;
    const result: CategoryResult = {
      ...category,
      level: state.level,
      rawLevel: raw,
    };
    delete result.atRisk;
    if (state.level > raw) {
      result.atRisk = {
        belowDays: state.belowDays,
        // Each later day found below counts one more.
        dropsOn: utcDayToDate(today + options.dropAfterDays - state.belowDays),
        checks: checksBelow(
          scorecard.checks,
          category.category,
          raw,
          state.level,
        ),
      };
    }
    return result;
  });
  const heldLevels = categories.map(c => c.level);
  const result: Scorecard = {
    ...scorecard,
    categories,
    overallLevel: medianLevel(heldLevels),
    rawOverallLevel: medianLevel(categories.map(c => c.rawLevel ?? c.level)),
    imbalanced: isImbalanced(heldLevels),
  };
  if (scorecard.levelsWithoutWaivers) {
    result.levelsWithoutWaivers = heldWithoutWaivers(
      scorecard.levelsWithoutWaivers,
      categories,
    );
  }
  return { scorecard: result, held };
}
