import { TestDatabases } from '@backstage/backend-test-utils';
import { migrateUpTo, MIGRATIONS_DIRECTORY as directory } from './migrateUpTo';

jest.setTimeout(60_000);

const MIGRATION = '20261208140000_campaign_days_group_tree.js';

describe('migration 20261208140000_campaign_days_group_tree', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'records whether a day was computed with the group tree, older days with it, and back, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await migrateUpTo(knex, MIGRATION);
      await knex('campaigns').insert({
        id: 'c-1',
        title: 'Tests as required checks',
        description: '',
        owner_ref: 'group:default/platform',
        scope: '{}',
        goal: '{"type":"overallLevel","level":3}',
        allow_exemptions: false,
        starts_on: 20_400,
        deadline: 20_480,
        milestones: '[]',
        reminder_days: '[14,3]',
        created_by: 'user:default/ada',
        created_at: 1,
        updated_by: 'user:default/ada',
        updated_at: 1,
      });
      const day = (n: number) => ({
        campaign_id: 'c-1',
        day: n,
        in_scope: 2,
        meeting: 1,
        teams: '[]',
        computed_at: 1,
      });
      await knex('campaign_days').insert(day(20_400));

      await knex.migrate.up({ directory });

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
