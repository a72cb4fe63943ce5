import { MaturityLevel } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { Knex } from 'knex';
import { utcDay } from '../../scorecardColumns';

/**
 * Each entity's raw overall level as of a UTC day (its latest point then),
 * for movers: raw, as backfilled points have no other. One statement.
 */
export async function readLevelsAsOf(
  db: Knex,
  day: Date,
): Promise<Map<string, MaturityLevel>> {
  // Each entity's latest point on or before the day: history may be sparse
  // (a backfill interval, days the backend was down).
  const latest = db('scorecard_history as latest')
    .whereRaw('latest.entity_ref = h.entity_ref')
    .where('latest.day', '<=', utcDay(day))
    .max('latest.day');
  const rows = await db('scorecard_history as h')
    .where('h.day', '=', latest)
    .select('h.entity_ref', 'h.overall_level', 'h.raw_overall_level');
  return new Map(
    rows.map(row => [
      row.entity_ref as string,
      // Points written before raw levels were kept had raw levels only.
      Number(row.raw_overall_level ?? row.overall_level) as MaturityLevel,
    ]),
  );
}
