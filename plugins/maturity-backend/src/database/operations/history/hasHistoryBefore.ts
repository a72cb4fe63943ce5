import { Knex } from 'knex';
import { utcDay } from '../../scorecardColumns';

/** Whether any entity has a history point before the given UTC day. */
export async function hasHistoryBefore(db: Knex, day: Date): Promise<boolean> {
  const row = await db('scorecard_history')
    .where('day', '<', utcDay(day))
    .first('day');
  return Boolean(row);
}
