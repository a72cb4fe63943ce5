import { Knex } from 'knex';
import { isPostgres } from '../../isPostgres';

/** Keeps SQLite's planner statistics in step with the event tables. */
export async function refreshPlannerStatistics(db: Knex): Promise<void> {
  if (!isPostgres(db)) {
    // Without statistics SQLite's planner can start a metrics join from
    // the wrong table and take minutes. `optimize` runs a sampled ANALYZE
    // only on tables never analyzed or grown or shrunk tenfold since, as
    // SQLite recommends (PostgreSQL's autovacuum analyzes on its own).
    await db.raw('pragma analysis_limit = 1000');
    await db.raw('pragma optimize = 0x10002');
  }
}
