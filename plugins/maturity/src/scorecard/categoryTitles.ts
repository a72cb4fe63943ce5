import {
  CategoryId,
  CATEGORY_IDS,
  defaultRubric,
  LEVEL_NAMES,
  MaturityLevel,
} from '@internal/plugin-maturity-common';

/** Display names of the five categories, as the default rubric titles them. */
export const CATEGORY_TITLES: Record<CategoryId, string> = Object.fromEntries(
  CATEGORY_IDS.map(id => [
    id,
    defaultRubric.categories.find(category => category.id === id)?.title ?? id,
  ]),
) as Record<CategoryId, string>;

/** `3 · Intermediate`. */
export function levelLabel(level: number | null | undefined): string {
  if (level === null || level === undefined) {
    return '—';
  }
  const whole = Math.round(level);
  const name = LEVEL_NAMES[whole as MaturityLevel];
  const number = Number.isInteger(level) ? String(level) : level.toFixed(1);
  return name ? `${number} · ${name}` : number;
}

/** The title of a check of the default rubric, or its id. */
export function checkTitle(checkId: string): string {
  for (const category of defaultRubric.categories) {
    for (const level of category.levels) {
      const check = level.checks.find(c => c.id === checkId);
      if (check) {
        return check.title;
      }
    }
  }
  return checkId;
}
