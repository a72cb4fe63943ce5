import { TestDatabases } from '@backstage/backend-test-utils';
import {
  migrateDownBefore,
  MIGRATIONS_DIRECTORY as directory,
} from './migrateUpTo';

jest.setTimeout(60_000);

const MIGRATION = '20261206160000';

describe(`migration ${MIGRATION}_deployment_fixes_incidents`, () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'adds the incidents a deployment fixes, and back, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory });
      expect(
        await knex.schema.hasColumn('deployments', 'fixes_incidents'),
      ).toBe(true);

      await migrateDownBefore(knex, MIGRATION);
      expect(
        await knex.schema.hasColumn('deployments', 'fixes_incidents'),
      ).toBe(false);
    },
  );
});
