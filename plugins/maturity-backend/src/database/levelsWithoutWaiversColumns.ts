import {
  CheckState,
  MaturityLevel,
  Scorecard,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { levelColumns } from './scorecardColumns';
import { ScorecardSummary } from './ScorecardStore';

/** The overall level without waivers: the list filters and sorts by it. */
export const OVERALL_LEVEL_WITHOUT_WAIVERS = 'overall_level_without_waivers';

/** The column of each category's level without waivers. */
export const levelWithoutWaiversColumns = Object.fromEntries(
  Object.entries(levelColumns).map(([category, column]) => [
    category,
    `${column}_without_waivers`,
  ]),
) as Record<keyof typeof levelColumns, string>;

/** Columns of the levels without waivers, by name. */
export type LevelsWithoutWaiversColumns = Record<
  string,
  number | string | null
>;

/**
 * The columns of a scorecard's levels without waivers and of the states
 * its exemptions replaced; null for a scorecard without them.
 */
export function levelsWithoutWaiversOf(
  scorecard: Scorecard,
): LevelsWithoutWaiversColumns {
  const without = scorecard.levelsWithoutWaivers;
  const row: LevelsWithoutWaiversColumns = {
    [OVERALL_LEVEL_WITHOUT_WAIVERS]: without?.overallLevel ?? null,
  };
  for (const [category, column] of Object.entries(levelWithoutWaiversColumns)) {
    row[column] =
      without?.categoryLevels[category as keyof typeof levelColumns] ?? null;
  }
  const waived: Record<string, CheckState> = {};
  for (const check of scorecard.checks) {
    if (check.state === 'exempt' && check.stateWithoutWaiver) {
      waived[check.checkId] = check.stateWithoutWaiver;
    }
  }
  row.waived_check_states = without ? JSON.stringify(waived) : null;
  return row;
}

/**
 * The summary's levels without waivers and the states its exemptions
 * replaced, from a row; nothing for a row evaluated before they were kept.
 */
export function summaryWithoutWaiversOf(
  row: Record<string, unknown>,
): Pick<ScorecardSummary, 'levelsWithoutWaivers' | 'waivedCheckStates'> {
  const overall = row[OVERALL_LEVEL_WITHOUT_WAIVERS];
  if (overall === null || overall === undefined) return {};
  return {
    levelsWithoutWaivers: {
      overallLevel: Number(overall) as MaturityLevel,
      categoryLevels: Object.fromEntries(
        Object.entries(levelWithoutWaiversColumns).map(([category, column]) => [
          category,
          Number(row[column]),
        ]),
      ) as ScorecardSummary['categoryLevels'],
    },
    waivedCheckStates: JSON.parse(String(row.waived_check_states ?? '{}')),
  };
}
