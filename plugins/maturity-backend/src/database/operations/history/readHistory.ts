import { Knex } from 'knex';
import { utcDay } from '../../scorecardColumns';
import { HistoryPoint } from '../../ScorecardStore';
import { toHistoryPoint } from './toHistoryPoint';

/** An entity's history points from one UTC day to another, both included, oldest first. */
export async function readHistory(
  db: Knex,
  entityRef: string,
  from: Date,
  to: Date,
): Promise<HistoryPoint[]> {
  const rows = await db('scorecard_history')
    .where('entity_ref', entityRef)
    .where('day', '>=', utcDay(from))
    .where('day', '<=', utcDay(to))
    .orderBy('day', 'asc')
    .select();
  return rows.map(toHistoryPoint);
}
