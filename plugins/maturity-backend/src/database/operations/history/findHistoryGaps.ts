import { Knex } from 'knex';
import { BackfillGrid } from '../../HistoryStore';
import { isPostgres } from '../../isPostgres';
import { resultRows } from '../metricsWindow/sqlValues';
import { readFirstEventDays } from './readFirstEventDays';

/**
 * The grid days on which some of the given entities have no history point,
 * each with those entities. An entity is due a point only on grid days from
 * the day of its first recorded event on (a scorecard "as of" a day before
 * any activity would be invented), so an entity without events has no gaps
 * and days before its first event are never reported. Set-based: the first
 * event days in one statement, one count per grid day of the entities due
 * and present, then only for days found incomplete the entities present.
 */
export async function findHistoryGaps(
  db: Knex,
  entityRefs: string[],
  grid: BackfillGrid,
): Promise<Map<number, string[]>> {
  const { firstDay, endDay, intervalDays } = grid;
  const gridDays: number[] = [];
  for (let day = firstDay; day < endDay; day += intervalDays)
    gridDays.push(day);
  if (entityRefs.length === 0 || gridDays.length === 0) return new Map();

  const firstEventDays = await readFirstEventDays(db, entityRefs);
  if (firstEventDays.size === 0) return new Map();
  // Each grid day's entities due a point, in the order given.
  const dueOn = (day: number) =>
    entityRefs.filter(ref => {
      const first = firstEventDays.get(ref);
      return first !== undefined && first <= day;
    });

  // Whole numbers checked here, so inlining them in the bucket expression is
  // safe (and keeps integer division on both engines).
  for (const value of [firstDay, intervalDays]) {
    if (!Number.isSafeInteger(value)) throw new Error(`Not a day: ${value}`);
  }
  const bucket = `(h.day - ${firstDay}) / ${intervalDays}`;
  // A point counts for its grid day only when the entity was due then.
  const rows = resultRows<{ bucket: unknown; entities: unknown }>(
    await db.raw(
      `select ${bucket} as bucket, count(distinct h.entity_ref) as entities
       from scorecard_history h
       join ${firstEventDayRows(db)} f on f.ref = h.entity_ref
       where h.day >= ? and h.day < ?
         and ${firstDay} + (${bucket}) * ${intervalDays} >= f.first_day
       group by ${bucket}`,
      [firstEventDayBinding(firstEventDays), firstDay, endDay],
    ),
  );
  const covered = new Map<number, number>();
  for (const row of rows) {
    covered.set(
      firstDay + Number(row.bucket) * intervalDays,
      Number(row.entities),
    );
  }

  const gaps = new Map<number, string[]>();
  for (const day of gridDays) {
    const due = dueOn(day);
    if ((covered.get(day) ?? 0) >= due.length) continue;
    // Every entity with a point in the day's bucket (in or out of scope),
    // read by day range only: few incomplete days, each one index range.
    const present = new Set(
      (
        await db('scorecard_history')
          .where('day', '>=', day)
          .where('day', '<', Math.min(day + intervalDays, endDay))
          .distinct('entity_ref')
      ).map(row => row.entity_ref as string),
    );
    const missing = due.filter(ref => !present.has(ref));
    if (missing.length > 0) gaps.set(day, missing);
  }
  return gaps;
}

/** A row source of (ref, first_day), from one bound value. */
function firstEventDayRows(db: Knex) {
  return isPostgres(db)
    ? `(select * from jsonb_to_recordset(?::jsonb) as x(ref text, first_day integer))`
    : `(select json_extract(value, '$.ref') as ref,
               json_extract(value, '$.first_day') as first_day
        from json_each(?))`;
}

function firstEventDayBinding(firstDays: Map<string, number>) {
  return JSON.stringify(
    [...firstDays].map(([ref, first_day]) => ({ ref, first_day })),
  );
}
