import { TestDatabases } from '@backstage/backend-test-utils';
import {
  migrateDownBefore,
  MIGRATIONS_DIRECTORY as directory,
} from './migrateUpTo';

jest.setTimeout(60_000);

const MIGRATION = '20261206150000';

describe(`migration ${MIGRATION}_evaluation_run_safety`, () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'adds the queue leases and the shard completions, and back, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory });
      expect(
        await knex.schema.hasColumn('evaluation_queue', 'lease_owner'),
      ).toBe(true);
      expect(
        await knex.schema.hasColumn('evaluation_queue', 'lease_expires_at'),
      ).toBe(true);
      expect(await knex.schema.hasTable('evaluation_shards')).toBe(true);

      await migrateDownBefore(knex, MIGRATION);
      expect(
        await knex.schema.hasColumn('evaluation_queue', 'lease_owner'),
      ).toBe(false);
      expect(await knex.schema.hasTable('evaluation_shards')).toBe(false);
      // The queue still takes entities after the way back.
      await knex('evaluation_queue').insert({
        entity_ref: 'component:default/a',
        requested_at: 1,
      });
    },
  );
});
