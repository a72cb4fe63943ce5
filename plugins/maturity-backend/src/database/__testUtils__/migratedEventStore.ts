import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { migratedDatabase } from './migratedDatabase';

/** A migrated database of the given engine, its event store and its knex. */
export async function migratedEventStore(
  databases: TestDatabases,
  databaseId: TestDatabaseId,
) {
  const { knex, db } = await migratedDatabase(databases, databaseId);
  return { knex, store: db.events };
}
