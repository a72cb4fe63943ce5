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
 * The plugin database's client, migrated to the latest schema unless the
 * deployment manages migrations itself (`migrations.skip`).
 */
export async function migrateDatabase(
  database: DatabaseService,
  options?: { skipMigrations?: boolean },
): Promise<Knex> {
  const client = await database.getClient();
  if (!database.migrations?.skip && !options?.skipMigrations) {
    // knex's migration lock keeps concurrent replicas from racing here.
    await client.migrate.latest({ directory: migrationsDir });
  }
  return client;
}
