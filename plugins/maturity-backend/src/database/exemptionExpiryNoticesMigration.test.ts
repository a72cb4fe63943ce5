import { TestDatabases } from '@backstage/backend-test-utils';
import {
  migrateDownBefore,
  MIGRATIONS_DIRECTORY as directory,
} from './migrateUpTo';

jest.setTimeout(60_000);

const MIGRATION = '20261207141700';

describe(`migration ${MIGRATION}_exemption_expiry_notices`, () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'keeps one notice per exemption, and drops the table on the way down, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory });
      await knex('exemption_expiry_notices').insert({
        exemption_id: 'ex-1',
        notified_at: 1,
      });
      await expect(
        knex('exemption_expiry_notices').insert({
          exemption_id: 'ex-1',
          notified_at: 2,
        }),
      ).rejects.toThrow();

      await migrateDownBefore(knex, MIGRATION);
      expect(await knex.schema.hasTable('exemption_expiry_notices')).toBe(
        false,
      );
    },
  );
});
