import { MaturityLevel } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { DAY_MS } from '../../../durations';
import { categoryLevelsOf, rawCategoryLevelsOf } from '../../scorecardColumns';
import { HistoryPoint } from '../../ScorecardStore';

/** A `scorecard_history` row as the point the API serves. */
export function toHistoryPoint(row: Record<string, any>): HistoryPoint {
  return {
    day: new Date(Number(row.day) * DAY_MS).toISOString().slice(0, 10),
    overallLevel: Number(row.overall_level) as MaturityLevel,
    categoryLevels: categoryLevelsOf(row),
    // Points written before raw levels were kept had raw levels only.
    rawOverallLevel: Number(
      row.raw_overall_level ?? row.overall_level,
    ) as MaturityLevel,
    rawCategoryLevels: rawCategoryLevelsOf(row),
    deliveryBand: row.delivery_band ?? null,
    rubricVersion: row.rubric_version,
    checkStates: JSON.parse(row.check_states),
  };
}
