import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { MaturityDatabase } from '../MaturityDatabase';

/** A migrated database of the given engine, its event store and its knex. */
export async function migratedEventStore(
  databases: TestDatabases,
  databaseId: TestDatabaseId,
) {
  const knex = await databases.init(databaseId);
  const { events } = await MaturityDatabase.create({
    database: { getClient: async () => knex, migrations: { skip: false } },
  });
  return { knex, store: events };
}
