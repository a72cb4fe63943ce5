import { Knex } from 'knex';
import { utcDay } from '../../scorecardColumns';
import { HistoryPoint } from '../../ScorecardStore';
import { toHistoryPoint } from './toHistoryPoint';

/**
 * An entity's scorecard as it stood on a UTC day: that day's point, else
 * the latest before it (history may be sparse).
 */
export async function readHistoryAsOf(
  db: Knex,
  entityRef: string,
  day: Date,
): Promise<HistoryPoint | undefined> {
  // The primary key (entity_ref, day) answers this with one index probe.
  const row = await db('scorecard_history')
    .where('entity_ref', entityRef)
    .where('day', '<=', utcDay(day))
    .orderBy('day', 'desc')
    .first();
  return row ? toHistoryPoint(row) : undefined;
}
