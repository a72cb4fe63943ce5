import {
  CategoryId,
  HeldCategoryState,
  HeldLevelsState,
  MaturityLevel,
  Scorecard,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';

/** A category's held state as stored: level, days below, last such day. */
type StoredHeldState = [MaturityLevel, number, number | null];

/** The `held_levels` column of a scorecard row, as JSON. */
export function toHeldLevelsColumn(
  held: Partial<Record<CategoryId, HeldCategoryState>>,
): string {
  const stored: Record<string, StoredHeldState> = {};
  for (const [category, state] of Object.entries(held)) {
    stored[category] = [state.level, state.belowDays, state.lastBelowDay];
  }
  return JSON.stringify(stored);
}

/** The held state of a `held_levels` column; undefined when null. */
export function fromHeldLevelsColumn(
  column: string | null | undefined,
): HeldLevelsState | undefined {
  if (!column) return undefined;
  const stored = JSON.parse(column) as Record<string, StoredHeldState>;
  const held: HeldLevelsState = {};
  for (const [category, [level, belowDays, lastBelowDay]] of Object.entries(
    stored,
  )) {
    held[category as CategoryId] = { level, belowDays, lastBelowDay };
  }
  return held;
}

/**
 * The held state a scorecard saved without the holding rule leaves: its
 * own levels, nothing found below.
 */
export function heldStateOf(
  scorecard: Scorecard,
): Record<CategoryId, HeldCategoryState> {
  const held = {} as Record<CategoryId, HeldCategoryState>;
  for (const category of scorecard.categories) {
    held[category.category] = {
      level: category.level,
      belowDays: 0,
      lastBelowDay: null,
    };
  }
  return held;
}
