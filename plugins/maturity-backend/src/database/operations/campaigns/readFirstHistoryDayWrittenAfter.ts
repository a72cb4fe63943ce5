import { Knex } from 'knex';
import { toDayString } from '../../campaignColumns';

/**
 * The earliest day of a scorecard history point written after `at` (by an
 * evaluation or the history back-fill); undefined when none was. One
 * query on the `written_at` index.
 */
export async function readFirstHistoryDayWrittenAfter(
  db: Knex,
  at: Date,
): Promise<string | undefined> {
  const row = await db('scorecard_history')
    .where('written_at', '>', at.getTime())
    .min({ day: 'day' })
    .first();
  return row?.day === null || row?.day === undefined
    ? undefined
    : toDayString(Number(row.day));
}
