import { Knex } from 'knex';

/**
 * Seeding a year of activity for 10,000 components takes minutes; working on
 * the evaluation needs the same data set many times. A kept benchmark
 * database (`--reuse`) carries a marker saying which data set it holds and
 * what seeding and ingesting it measured, so a later run can skip both.
 */
const MARKER_TABLE = 'maturity_bench_dataset';

/** The plugin's tables that evaluation writes; emptied before a reused run. */
const RESULT_TABLES = [
  'scorecards',
  'entity_metrics',
  'scorecard_history',
  'rollups',
  'evaluation_queue',
  'rubric_checks',
];

/** What a kept data set remembers of the run that built it. */
export interface KeptDatasetRecord<T> {
  /** The options that shape the data set (entities, time). */
  key: string;
  /** The seeding and ingest measurements of that run. */
  measured: T;
}

/** The data set a kept database holds, if it is the one asked for. */
export async function readKeptDataset<T>(
  db: Knex,
  key: string,
): Promise<T | undefined> {
  if (!(await db.schema.hasTable(MARKER_TABLE))) return undefined;
  const row = await db(MARKER_TABLE).where({ key }).first('measured');
  return row ? (JSON.parse(row.measured) as T) : undefined;
}

/** Marks a kept database as holding a complete data set. */
export async function rememberKeptDataset<T>(
  db: Knex,
  record: KeptDatasetRecord<T>,
): Promise<void> {
  if (!(await db.schema.hasTable(MARKER_TABLE))) {
    await db.schema.createTable(MARKER_TABLE, table => {
      table.string('key').primary();
      table.text('measured').notNullable();
    });
  }
  await db(MARKER_TABLE).delete();
  await db(MARKER_TABLE).insert({
    key: record.key,
    measured: JSON.stringify(record.measured),
  });
}

/**
 * Empties what earlier evaluations wrote, so the first evaluation of a
 * reused data set creates every scorecard again, as on a fresh one. On
 * PostgreSQL by truncation: deleted rows stay as dead tuples until a vacuum
 * (autovacuum is off here), and runs on a database reused many times got
 * slower with each (measured: 14–17 s, then 18–23 s for the same code).
 */
export async function clearEvaluationResults(db: Knex): Promise<void> {
  if (db.client.config.client === 'pg') {
    await db.raw(`truncate ${RESULT_TABLES.map(() => '??').join(', ')}`, [
      ...RESULT_TABLES,
    ]);
    return;
  }
  for (const table of RESULT_TABLES) {
    await db(table).delete();
  }
}

/**
 * Drops every table of a kept database that holds no complete data set (a
 * run stopped while seeding), so it is seeded from scratch.
 */
export async function dropAllTables(db: Knex): Promise<void> {
  if (db.client.config.client === 'pg') {
    await db.raw('drop schema public cascade');
    await db.raw('create schema public');
    return;
  }
  const tables: Array<{ name: string }> = await db.raw(
    `select name from sqlite_master
     where type = 'table' and name not like 'sqlite_%'`,
  );
  await db.raw('pragma foreign_keys = off');
  for (const { name } of tables) {
    await db.schema.dropTable(name);
  }
  await db.raw('pragma foreign_keys = on');
}
