import { TestDatabases } from '@backstage/backend-test-utils';
import { migrateOver, MIGRATIONS_DIRECTORY as directory } from './migrateUpTo';
import { campaignRow } from './__testUtils__/migrationRows';

jest.setTimeout(60_000);

const MIGRATION = '20261208140000_campaign_days_group_tree.js';

describe('migration 20261208140000_campaign_days_group_tree', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'records whether a day was computed with the group tree, older days with it, and back, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const day = (n: number) => ({
        campaign_id: 'c-1',
        day: n,
        in_scope: 2,
        meeting: 1,
        teams: '[]',
        computed_at: 1,
      });
      await migrateOver(knex, MIGRATION, async () => {
        await knex('campaigns').insert(campaignRow('c-1'));
        await knex('campaign_days').insert(day(20_400));
      });

      await knex('campaign_days').insert({
        ...day(20_401),
        group_tree_known: false,
      });
      const rows = await knex('campaign_days')
        .orderBy('day')
        .select('day', 'group_tree_known');
      expect(rows.map(r => [r.day, Boolean(r.group_tree_known)])).toEqual([
        [20_400, true],
        [20_401, false],
      ]);

      await knex.migrate.down({ directory });
      const columns = await knex('campaign_days').columnInfo();
      expect(columns).not.toHaveProperty('group_tree_known');
      expect(
        (await knex('campaign_days').orderBy('day').select('day')).map(
          r => r.day,
        ),
      ).toEqual([20_400, 20_401]);
    },
  );
});
