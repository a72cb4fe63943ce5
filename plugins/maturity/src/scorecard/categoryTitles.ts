import {
  CategoryId,
  CATEGORY_IDS,
  defaultRubric,
  LEVEL_NAMES,
  MaturityLevel,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';

/** Display names of the five categories, as the default rubric titles them. */
export const CATEGORY_TITLES: Record<CategoryId, string> = Object.fromEntries(
  CATEGORY_IDS.map(id => [
    id,
    defaultRubric.categories.find(category => category.id === id)?.title ?? id,
  ]),
) as Record<CategoryId, string>;

/**
 * `3 · Intermediate`. A median between two levels names both:
 * `2.5 · Beginner–Intermediate`; it has reached the lower one only.
 */
export function levelLabel(level: number | null | undefined): string {
  if (level === null || level === undefined) {
    return '—';
  }
  if (Number.isInteger(level)) {
    const name = LEVEL_NAMES[level as MaturityLevel];
    return name ? `${level} · ${name}` : String(level);
  }
  const number = level.toFixed(1);
  const lower = LEVEL_NAMES[Math.floor(level) as MaturityLevel];
  const upper = LEVEL_NAMES[Math.ceil(level) as MaturityLevel];
  return lower && upper ? `${number} · ${lower}–${upper}` : number;
}

/** The title of a check of the default rubric, MLOps included, or its id. */
export function checkTitle(checkId: string): string {
  const levels = [
    ...defaultRubric.categories.flatMap(category => category.levels),
    ...defaultRubric.mlops.levels,
  ];
  for (const level of levels) {
    const check = level.checks.find(c => c.id === checkId);
    if (check) {
      return check.title;
    }
  }
  return checkId;
}
