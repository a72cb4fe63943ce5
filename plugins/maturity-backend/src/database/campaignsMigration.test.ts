import { TestDatabases } from '@backstage/backend-test-utils';
import { migrateOver, MIGRATIONS_DIRECTORY as directory } from './migrateUpTo';
import { indexesOf } from './__testUtils__/indexesOf';
import { campaignRow, historyRow } from './__testUtils__/migrationRows';

jest.setTimeout(60_000);

const MIGRATION = '20261208100000_campaigns.js';

const count = async (
  knex: Awaited<ReturnType<TestDatabases['init']>>,
  table: string,
) => Number((await knex(table).count({ n: '*' }))[0].n);

describe('migration 20261208100000_campaigns', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'adds the campaign tables with their indexes, tags and history columns, keeping older rows, and back, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await migrateOver(knex, MIGRATION, () =>
        knex('scorecard_history').insert(
          historyRow('component:default/old', 20_000),
        ),
      );

      // Older history points: not an ML entity, no levels without waivers.
      const [point] = await knex('scorecard_history').select(
        'mlops_level',
        'overall_level_without_waivers',
        'level_test_without_waivers',
        'waived_check_states',
        'written_at',
      );
      expect(point).toEqual({
        mlops_level: null,
        overall_level_without_waivers: null,
        level_test_without_waivers: null,
        waived_check_states: null,
        written_at: null,
      });
      expect(await indexesOf(knex, 'scorecard_history')).toContain(
        'scorecard_history_written_idx',
      );
      expect(await knex.schema.hasColumn('scorecards', 'tags')).toBe(true);

      await knex('campaigns').insert(campaignRow('c-1'));
      await knex('campaign_days').insert({
        campaign_id: 'c-1',
        day: 20_400,
        in_scope: 3,
        meeting: 1,
        teams: '[]',
        computed_at: 1,
      });
      await expect(
        knex('campaign_days').insert({
          campaign_id: 'c-1',
          day: 20_400,
          in_scope: 3,
          meeting: 2,
          teams: '[]',
          computed_at: 2,
        }),
      ).rejects.toThrow();
      await knex('campaign_entities').insert({
        campaign_id: 'c-1',
        entity_ref: 'component:default/a',
        owner_ref: 'group:default/team-a',
        meets_goal: false,
        shortfall: '{"failingChecks":[]}',
      });
      await knex('campaign_notices').insert({
        campaign_id: 'c-1',
        notice: 'start',
        sent_at: 1,
      });
      await expect(
        knex('campaign_notices').insert({
          campaign_id: 'c-1',
          notice: 'start',
          sent_at: 2,
        }),
      ).rejects.toThrow();
      expect(await indexesOf(knex, 'campaigns')).toContain(
        'campaigns_deadline_idx',
      );
      expect(await indexesOf(knex, 'campaign_entities')).toEqual(
        expect.arrayContaining([
          'campaign_entities_entity_idx',
          'campaign_entities_goal_idx',
          'campaign_entities_owner_idx',
        ]),
      );

      // Deleting a campaign deletes what hangs on it.
      await knex('campaigns').where('id', 'c-1').delete();
      expect(await count(knex, 'campaign_days')).toBe(0);
      expect(await count(knex, 'campaign_entities')).toBe(0);
      expect(await count(knex, 'campaign_notices')).toBe(0);

      await knex.migrate.down({ directory });
      for (const table of [
        'campaigns',
        'campaign_days',
        'campaign_entities',
        'campaign_notices',
      ]) {
        expect(await knex.schema.hasTable(table)).toBe(false);
      }
      expect(await knex.schema.hasColumn('scorecards', 'tags')).toBe(false);
      expect(
        await knex.schema.hasColumn('scorecard_history', 'mlops_level'),
      ).toBe(false);
      expect(
        await knex.schema.hasColumn('scorecard_history', 'waived_check_states'),
      ).toBe(false);
      expect(
        await knex.schema.hasColumn('scorecard_history', 'written_at'),
      ).toBe(false);
      expect(await count(knex, 'scorecard_history')).toBe(1);
    },
  );
});
