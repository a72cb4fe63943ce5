import { TestDatabases } from '@backstage/backend-test-utils';
import { migrateOver, MIGRATIONS_DIRECTORY as directory } from './migrateUpTo';
import { historyRow } from './__testUtils__/migrationRows';

jest.setTimeout(60_000);

const MIGRATION = '20261207110000_held_levels.js';

describe('migration 20261207110000_held_levels', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'adds held levels, raw history levels and check versions, leaving older rows unknown, and back, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await migrateOver(knex, MIGRATION, () =>
        knex('scorecard_history').insert(
          historyRow('component:default/a', 20780),
        ),
      );

      const [point] = await knex('scorecard_history').select(
        'raw_overall_level',
        'raw_level_design',
      );
      // Unknown, read as equal to the held levels (DatabaseHistoryStore).
      expect(point).toEqual({
        raw_overall_level: null,
        raw_level_design: null,
      });
      await knex('check_versions').insert({
        check_id: 'culture.1.owner-is-group',
        fingerprint: '0123abcd',
        first_seen_day: 0,
      });
      await expect(
        knex('check_versions').insert({
          check_id: 'culture.1.owner-is-group',
          fingerprint: '0123abcd',
          first_seen_day: 5,
        }),
      ).rejects.toThrow();
      expect(await knex.schema.hasColumn('scorecards', 'held_levels')).toBe(
        true,
      );

      await knex.migrate.down({ directory });
      expect(await knex.schema.hasTable('check_versions')).toBe(false);
      expect(await knex.schema.hasColumn('scorecards', 'held_levels')).toBe(
        false,
      );
      expect(
        await knex.schema.hasColumn('scorecard_history', 'raw_overall_level'),
      ).toBe(false);
      const [{ n }] = await knex('scorecard_history').count({ n: '*' });
      expect(Number(n)).toBe(1);
    },
  );
});
