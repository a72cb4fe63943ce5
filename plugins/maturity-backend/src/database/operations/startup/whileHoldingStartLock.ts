import { Knex } from 'knex';
import { isPostgres } from '../../isPostgres';

// The two-key form of PostgreSQL's advisory locks has its own key space, so
// this lock never meets the one-key locks ingestion takes per entity.
const LOCK_CLASS = 0x6d617475; // 'matu'
const LOCK_START = 1;

/**
 * Runs `work` while holding the plugin's start-up lock: on PostgreSQL a
 * transaction-scoped advisory lock on a fixed key, taken on a connection of
 * its own, so that replicas starting at the same moment run their start-up
 * work one after the other. knex's own migration lock cannot do this: its
 * tables are created without it (two replicas race to `42P07 already
 * exists`), and a replica that finds it taken fails instead of waiting.
 * `work` runs on other connections of the pool (it needs at least two,
 * knex's default is ten); a replica that dies midway drops its connection
 * and with it the lock. SQLite has a single writer and needs no lock.
 *
 * @internal
 */
export async function whileHoldingStartLock<T>(
  db: Knex,
  work: () => Promise<T>,
): Promise<T> {
  if (!isPostgres(db)) {
    return work();
  }
  return db.transaction(async tx => {
    await tx.raw('select pg_advisory_xact_lock(?, ?)', [
      LOCK_CLASS,
      LOCK_START,
    ]);
    return work();
  });
}
