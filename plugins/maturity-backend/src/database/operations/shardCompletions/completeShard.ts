import { Knex } from 'knex';
import { isPostgres } from '../../isPostgres';

/** The row that holds when a cadence last completed. */
const CADENCE = -1;

/**
 * Records that a shard (`index` of `count`) completed a run at `at`, and
 * returns whether that completes a cadence: every shard has completed since
 * the cadence before. Exactly one completion per cadence returns true.
 */
export async function completeShard(
  db: Knex,
  index: number,
  count: number,
  at: Date,
): Promise<boolean> {
  await db('evaluation_shards')
    .insert({ shard_index: CADENCE, shard_count: count, completed_at: 0 })
    .onConflict('shard_index')
    .ignore();
  return db.transaction(async tx => {
    // Completions serialise on the cadence row: two shards finishing at
    // once each see the other's completion, so one of them ends the
    // cadence.
    let cadenceQuery = tx('evaluation_shards')
      .where('shard_index', CADENCE)
      .first('completed_at', 'shard_count');
    if (isPostgres(db)) cadenceQuery = cadenceQuery.forUpdate();
    const cadence = await cadenceQuery;
    await tx('evaluation_shards')
      .insert({
        shard_index: index,
        shard_count: count,
        completed_at: at.getTime(),
      })
      .onConflict('shard_index')
      .merge();
    const shards = await tx('evaluation_shards')
      .where('shard_index', '>=', 0)
      .where('shard_index', '<', count)
      .where('shard_count', count)
      .select('completed_at');
    // A changed shard count starts afresh: the last cadence was another's.
    const since =
      Number(cadence?.shard_count) === count
        ? Number(cadence?.completed_at ?? 0)
        : 0;
    const complete =
      shards.length === count &&
      shards.every(row => Number(row.completed_at) > since);
    if (complete) {
      await tx('evaluation_shards')
        .where('shard_index', CADENCE)
        .update({ shard_count: count, completed_at: at.getTime() });
    }
    return complete;
  });
}
