import { Knex } from 'knex';
import { chunks } from '../../chunks';
import { BackfillGrid } from '../../HistoryStore';

// Entity refs per statement, well below both engines' bind-parameter limits.
const CHUNK_SIZE = 200;

/**
 * The grid days on which some of the given entities have no history point,
 * each with those entities. Set-based: per chunk of entities one count per
 * grid day, then only for days found incomplete the entities present.
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

  // Whole numbers checked here, so inlining them in the bucket expression is
  // safe (and keeps integer division on both engines).
  for (const value of [firstDay, intervalDays]) {
    if (!Number.isSafeInteger(value)) throw new Error(`Not a day: ${value}`);
  }
  const bucket = `(day - ${firstDay}) / ${intervalDays}`;
  const covered = new Map<number, number>();
  for (const batch of chunks(entityRefs, CHUNK_SIZE)) {
    const rows = await db('scorecard_history')
      .whereIn('entity_ref', batch)
      .where('day', '>=', firstDay)
      .where('day', '<', endDay)
      .groupByRaw(bucket)
      .select(
        db.raw(`${bucket} as bucket`),
        db.raw('count(distinct entity_ref) as entities'),
      );
    for (const row of rows) {
      const start = firstDay + Number(row.bucket) * intervalDays;
      covered.set(start, (covered.get(start) ?? 0) + Number(row.entities));
    }
  }

  const gaps = new Map<number, string[]>();
  for (const day of gridDays) {
    if ((covered.get(day) ?? 0) >= entityRefs.length) continue;
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
    gaps.set(
      day,
      entityRefs.filter(ref => !present.has(ref)),
    );
  }
  return gaps;
}
