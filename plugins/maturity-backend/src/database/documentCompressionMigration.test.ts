import { TestDatabases } from '@backstage/backend-test-utils';
import {
  migrateDownBefore,
  MIGRATIONS_DIRECTORY as directory,
} from './migrateUpTo';

jest.setTimeout(60_000);

describe('migration 20261204140000_document_compression', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'compresses the large JSON columns with lz4, and back, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory });
      const compression = async () =>
        (
          await knex.raw(
            `select c.relname || '.' || a.attname as name, a.attcompression as method
             from pg_attribute a join pg_class c on c.oid = a.attrelid
             where c.relname in ('scorecards', 'entity_metrics', 'scorecard_history', 'rollups')
               and a.attname in ('document', 'check_states')
             order by 1`,
          )
        ).rows;
      expect(await compression()).toEqual([
        { name: 'entity_metrics.document', method: 'l' },
        { name: 'rollups.document', method: 'l' },
        { name: 'scorecard_history.check_states', method: 'l' },
        { name: 'scorecards.check_states', method: 'l' },
        { name: 'scorecards.document', method: 'l' },
      ]);

      await migrateDownBefore(knex, '20261204140000');
      expect((await compression()).map((c: any) => c.method)).toEqual([
        '',
        '',
        '',
        '',
        '',
      ]);
    },
  );
});
