import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@maturity-for-backstage/backstage-plugin-maturity-backend',
  'migrations',
);

/**
 * Migrates the plugin's database to the latest schema unless the
 * deployment manages migrations itself (`migrations.skip`). Replicas that
 * start together must call it under the start-up lock
 * (`whileHoldingStartLock`): knex's migration lock does not cover the
 * creation of its own tables.
 */
export async function migrateDatabase(
  client: Knex,
  database: Pick<DatabaseService, 'migrations'>,
  options?: { skipMigrations?: boolean },
): Promise<void> {
  if (!database.migrations?.skip && !options?.skipMigrations) {
    await client.migrate.latest({ directory: migrationsDir });
  }
}
