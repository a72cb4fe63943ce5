import { Knex } from 'knex';
import { eventTables } from '../../eventTables';
import { isPostgres } from '../../isPostgres';

/** Any fixed number: the lock that keeps concurrent shard runs from analysing twice. */
const ANALYZE_LOCK = 4_262_017;

/**
 * The tables ingestion fills, which the evaluation's metrics joins read:
 * the events and their commit links. The evaluation's own results
 * (scorecards, metrics, history, rollups) are read by key and left to
 * autovacuum: analysing them after each full run, as they had all just
 * been rewritten, cost the next run a quarter of a second at 10,000
 * entities.
 */
const EVENT_TABLES = [
  ...Object.values(eventTables).map(t => t.table),
  'deployment_commits',
  'change_commits',
];

/**
 * Keeps the planner's statistics in step with the tables events are stored
 * in. Without them a metrics join can start from the wrong table: a full
 * evaluation then takes 10–50 times as long (docs/benchmarks.md).
 */
export async function refreshPlannerStatistics(db: Knex): Promise<void> {
  if (isPostgres(db)) {
    await analyzeStalePostgresTables(db);
    return;
  }
  // `optimize` runs a sampled ANALYZE only on tables never analyzed or grown
  // or shrunk tenfold since, as SQLite recommends.
  await db.raw('pragma analysis_limit = 1000');
  await db.raw('pragma optimize = 0x10002');
}

/**
 * Autovacuum analyzes on its own, but it may be off or not have come round
 * yet after a bulk import: analyze the tables changed past autovacuum's
 * default threshold (50 rows + 10%) since their last analysis. One run at a
 * time; a run that finds another analysing goes on without waiting.
 */
async function analyzeStalePostgresTables(db: Knex) {
  await db.transaction(async tx => {
    const { rows } = await tx.raw<{ rows: { locked: boolean }[] }>(
      'select pg_try_advisory_xact_lock(?) as locked',
      [ANALYZE_LOCK],
    );
    if (!rows[0]?.locked) return;
    const stale: { relname: string }[] = await tx('pg_stat_user_tables')
      .select('relname')
      .where('schemaname', tx.raw('current_schema()'))
      .whereIn('relname', EVENT_TABLES)
      .andWhereRaw('n_mod_since_analyze > 50 + 0.1 * n_live_tup');
    for (const { relname } of stale) {
      await tx.raw('analyze ??', [relname]);
    }
  });
}
