import { MaturityLevel } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { Knex } from 'knex';
import { utcDay } from '../../scorecardColumns';

/** Each entity's overall level as of a UTC day (its latest point then), for movers. One statement. */
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
    .select('h.entity_ref', 'h.overall_level');
  return new Map(
    rows.map(row => [
      row.entity_ref as string,
      Number(row.overall_level) as MaturityLevel,
    ]),
  );
}
