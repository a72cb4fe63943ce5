import { Knex } from 'knex';
import { DAY_MS } from '../../../durations';
import { chunks } from '../../chunks';

/** The first day with history, per entity, for the history-length check. */
export async function readHistoryStarts(
  db: Knex,
  entityRefs: string[],
): Promise<Map<string, Date>> {
  const starts = new Map<string, Date>();
  for (const batch of chunks(entityRefs, 1000)) {
    const rows: Array<{ entity_ref: string; first: unknown }> = await db(
      'scorecard_history',
    )
      .whereIn('entity_ref', batch)
      .groupBy('entity_ref')
      .select('entity_ref', db.raw('min(day) as first'));
    for (const row of rows) {
      starts.set(row.entity_ref, new Date(Number(row.first) * DAY_MS));
    }
  }
  return starts;
}
