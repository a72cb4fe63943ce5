import {
  CheckState,
  Scorecard,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { DAY_MS } from '../durations';
import { ScorecardSummary } from './ScorecardStore';

/** A UTC day as the history tables key it: days since the epoch. */
export const utcDay = (date: Date) => Math.floor(date.getTime() / DAY_MS);

/** The level column of each category, in scorecards and history. */
export const levelColumns = {
  culture: 'level_culture',
  design: 'level_design',
  'build-deploy': 'level_build_deploy',
  test: 'level_test',
  information: 'level_information',
} as const;

type LevelColumn = (typeof levelColumns)[keyof typeof levelColumns];

/** The `check_states` column: each check's state by id, as JSON. */
export function checkStatesOf(scorecard: Scorecard): string {
  const states: Record<string, CheckState> = {};
  for (const check of scorecard.checks) states[check.checkId] = check.state;
  return JSON.stringify(states);
}

/**
 * The `tags` column: the entity's catalog tags as a JSON array, lower case
 * as the catalog spells them (so a filter matches them on both engines,
 * whose LIKE differs in case sensitivity).
 */
export function tagsOf(subject: { tags?: string[] }): string {
  return JSON.stringify((subject.tags ?? []).map(tag => tag.toLowerCase()));
}

/** The level columns of a scorecard. */
export function levelsOf(scorecard: Scorecard): Record<LevelColumn, number> {
  const row = {} as Record<LevelColumn, number>;
  for (const [category, column] of Object.entries(levelColumns)) {
    row[column] =
      scorecard.categories.find(c => c.category === category)?.level ?? 0;
  }
  return row;
}

/** Each category's level, from the level columns of a row. */
export function categoryLevelsOf(row: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(levelColumns).map(([category, column]) => [
      category,
      Number(row[column]),
    ]),
  ) as ScorecardSummary['categoryLevels'];
}

/**
 * The raw level columns of a history row: the levels today's checks alone
 * gave, beside the held ones. A scorecard evaluated without holding (a
 * backfilled day) has raw levels equal to its levels.
 */
export function rawLevelsOf(scorecard: Scorecard): Record<string, number> {
  const row: Record<string, number> = {
    raw_overall_level: scorecard.rawOverallLevel ?? scorecard.overallLevel,
  };
  for (const [category, column] of Object.entries(levelColumns)) {
    const result = scorecard.categories.find(c => c.category === category);
    row[`raw_${column}`] = result?.rawLevel ?? result?.level ?? 0;
  }
  return row;
}

/**
 * The raw levels of a history row; a point written before raw levels were
 * kept (its columns null) had raw levels only.
 */
export function rawCategoryLevelsOf(row: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(levelColumns).map(([category, column]) => [
      category,
      Number(row[`raw_${column}`] ?? row[column]),
    ]),
  ) as ScorecardSummary['categoryLevels'];
}
