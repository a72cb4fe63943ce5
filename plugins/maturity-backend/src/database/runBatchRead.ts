import { Knex } from 'knex';
import { isPostgres } from './isPostgres';

/**
 * Runs one of an evaluation batch's reads. On PostgreSQL, JIT compilation
 * and parallel workers are off for it and it may sort in 16 MB of memory,
 * in a transaction of its own so the connection pool stays as Backstage
 * configured it. Other databases run `read` as is.
 *
 * - The batch reads are costed high enough to be JIT-compiled, which takes
 *   a few hundred milliseconds per statement and saves nothing on
 *   index-driven plans that finish in tens (measured: 434 ms → 62 ms).
 * - An evaluation already runs a batch's reads side by side, next to the
 *   previous batch's writes; a parallel plan adds worker processes that
 *   compete for the same cores (measured: a parallel scan per batch for a
 *   read an index answers in a tenth of the CPU).
 * - A batch read orders its rows for the JSON document they travel in; at
 *   PostgreSQL's default `work_mem` of 4 MB one read per batch sorted on
 *   disk (measured: 144 MB of temporary files per full evaluation of 10,000
 *   entities, none at 16 MB).
 */
export async function runBatchRead<T>(
  db: Knex,
  read: (db: Knex) => Promise<T>,
): Promise<T> {
  if (!isPostgres(db)) {
    return read(db);
  }
  return db.transaction(async tx => {
    // One round trip for the settings; `true` makes them transaction-local.
    await tx.raw(
      "select set_config('jit', 'off', true), set_config('max_parallel_workers_per_gather', '0', true), set_config('work_mem', '16MB', true)",
    );
    return read(tx);
  });
}
