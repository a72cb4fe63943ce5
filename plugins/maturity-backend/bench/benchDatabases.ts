import { DatabaseService } from '@backstage/backend-plugin-api';
import knexFactory, { Knex } from 'knex';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The database engines the benchmark runs on. */
export type BenchEngine = 'sqlite' | 'postgres';

/** A throw-away database for one benchmark run. */
export interface BenchDatabase {
  engine: BenchEngine;
  /** Where it lives, for the report (file path or database name). */
  location: string;
  knex: Knex;
  /** The plugin's DatabaseService, handing out the same client. */
  service: DatabaseService;
  /** Engine version as the server reports it. */
  version: string;
  /**
   * Kept between runs (`--reuse`): `dispose` only closes the client, and a
   * data set seeded by an earlier run may be found in it.
   */
  kept: boolean;
  /** Closes the client and deletes the database, unless it is kept. */
  dispose(): Promise<void>;
}

/** Where and whether a benchmark database outlives its run. */
export interface BenchDatabaseOptions {
  postgresUrl: string;
  /**
   * A name for a database kept between runs (file name or database name
   * suffix); a fresh throw-away database without it.
   */
  keepAs?: string;
}

/** The local PostgreSQL of the project's machines (trust auth). */
export const DEFAULT_POSTGRES_URL = 'postgresql://postgres@127.0.0.1:5432';

function serviceFor(knex: Knex): DatabaseService {
  return { getClient: async () => knex, migrations: { skip: false } };
}

/**
 * A SQLite file database under the system temp directory, configured as
 * Backstage's SQLite connector does (better-sqlite3, one connection,
 * foreign keys on, default rollback journal).
 */
async function createSqliteDatabase(
  keepAs: string | undefined,
): Promise<BenchDatabase> {
  const directory = keepAs
    ? os.tmpdir()
    : fs.mkdtempSync(path.join(os.tmpdir(), 'maturity-bench-'));
  const filename = path.join(
    directory,
    keepAs ? `maturity-bench-${keepAs}.sqlite` : 'maturity.sqlite',
  );
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename },
    useNullAsDefault: true,
    pool: {
      afterCreate: (connection: any, done: (error?: Error) => void) => {
        connection.pragma('foreign_keys = ON');
        done();
      },
    },
  });
  const [{ version }] = await knex.raw('select sqlite_version() as version');
  return {
    engine: 'sqlite',
    location: filename,
    knex,
    service: serviceFor(knex),
    version: `SQLite ${version}`,
    kept: Boolean(keepAs),
    async dispose() {
      await knex.destroy();
      if (!keepAs) fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}

/**
 * A fresh PostgreSQL database `maturity_bench_<pid>` on the local server,
 * dropped again by `dispose`; or `maturity_bench_<keepAs>`, created when
 * missing and kept.
 */
async function createPostgresDatabase(
  url: string,
  keepAs: string | undefined,
): Promise<BenchDatabase> {
  const name = `maturity_bench_${keepAs ?? process.pid}`;
  const admin = knexFactory({
    client: 'pg',
    connection: `${url.replace(/\/+$/, '')}/postgres`,
    pool: { min: 0, max: 1 },
  });
  try {
    const { rows } = await admin.raw(
      'select 1 from pg_database where datname = ?',
      [name],
    );
    if (!keepAs || rows.length === 0) {
      await admin.raw('drop database if exists ??', [name]);
      await admin.raw('create database ??', [name]);
    }
  } finally {
    await admin.destroy();
  }
  const knex = knexFactory({
    client: 'pg',
    connection: `${url.replace(/\/+$/, '')}/${name}`,
  });
  const { rows } = await knex.raw('show server_version');
  return {
    engine: 'postgres',
    location: name,
    knex,
    service: serviceFor(knex),
    version: `PostgreSQL ${rows[0].server_version}`,
    kept: Boolean(keepAs),
    async dispose() {
      await knex.destroy();
      if (keepAs) return;
      const cleanup = knexFactory({
        client: 'pg',
        connection: `${url.replace(/\/+$/, '')}/postgres`,
        pool: { min: 0, max: 1 },
      });
      try {
        await cleanup.raw('drop database if exists ?? with (force)', [name]);
      } finally {
        await cleanup.destroy();
      }
    },
  };
}

/** Creates the throw-away database of an engine. */
export function createBenchDatabase(
  engine: BenchEngine,
  options: BenchDatabaseOptions,
): Promise<BenchDatabase> {
  return engine === 'sqlite'
    ? createSqliteDatabase(options.keepAs)
    : createPostgresDatabase(options.postgresUrl, options.keepAs);
}
