import { Knex } from 'knex';
import { DAY_MS } from '../../../durations';
import { eventTables } from '../../eventTables';
import { entityRefRows, resultRows } from '../metricsWindow/sqlValues';

/**
 * The UTC day (days since 1970-01-01) of each entity's first recorded event
 * of any kind; entities without any event are left out. The history backfill
 * starts there: a scorecard "as of" a day before any activity is invented.
 * One statement for the whole batch: per entity and event table a probe of
 * the table's (entity_ref, occurred_at) index for its earliest row.
 */
export async function readFirstEventDays(
  db: Knex,
  entityRefs: string[],
): Promise<Map<string, number>> {
  const firstDays = new Map<string, number>();
  if (entityRefs.length === 0) return firstDays;
  const tables = Object.values(eventTables).map(({ table }) => table);
  const probes = tables.map(
    (table, i) => `(select t.occurred_at from ${table} t
          where t.entity_ref = e.ref
          order by t.occurred_at
          limit 1) as first_${i}`,
  );
  const rows = resultRows<Record<string, unknown>>(
    await db.raw(
      `select e.ref, ${probes.join(',\n        ')}
       from :refs e`,
      { refs: entityRefRows(db, entityRefs) },
    ),
  );
  for (const row of rows) {
    const times = tables
      .map((_, i) => row[`first_${i}`])
      .filter(time => time !== null && time !== undefined)
      .map(Number);
    if (times.length > 0) {
      firstDays.set(String(row.ref), Math.floor(Math.min(...times) / DAY_MS));
    }
  }
  return firstDays;
}
