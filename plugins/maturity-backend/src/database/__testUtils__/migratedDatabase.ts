import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { MaturityDatabase } from '../MaturityDatabase';

/** A migrated database of the given engine: its stores and its knex. */
export async function migratedDatabase(
  databases: TestDatabases,
  databaseId: TestDatabaseId,
) {
  const knex = await databases.init(databaseId);
  const db = await MaturityDatabase.create({
    database: { getClient: async () => knex, migrations: { skip: false } },
  });
  return { knex, db };
}
