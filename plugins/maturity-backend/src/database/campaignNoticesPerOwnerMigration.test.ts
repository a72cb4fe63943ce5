import { TestDatabases } from '@backstage/backend-test-utils';
import { migrateOver, MIGRATIONS_DIRECTORY as directory } from './migrateUpTo';
import { campaignRow } from './__testUtils__/migrationRows';

jest.setTimeout(60_000);

const MIGRATION = '20261208120000_campaign_notices_per_owner.js';
const TEAM_A = 'group:default/team-a';
const TEAM_B = 'group:default/team-b';

describe('migration 20261208120000_campaign_notices_per_owner', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'claims notices per owner, keeping older claims as for every owner, and back, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await migrateOver(knex, MIGRATION, async () => {
        await knex('campaigns').insert([
          campaignRow('c-1'),
          campaignRow('c-2'),
        ]);
        await knex('campaign_notices').insert({
          campaign_id: 'c-1',
          notice: 'start',
          sent_at: 1,
        });
      });

      const notices = () =>
        knex('campaign_notices')
          .orderBy(['notice', 'owner_ref'])
          .select('notice', 'owner_ref', 'sent_at');
      expect(
        (await notices()).map(r => [r.notice, r.owner_ref, Number(r.sent_at)]),
      ).toEqual([['start', '', 1]]);
      await knex('campaign_notices').insert([
        {
          campaign_id: 'c-1',
          notice: 'reminder-14',
          owner_ref: TEAM_A,
          sent_at: 3,
        },
        {
          campaign_id: 'c-1',
          notice: 'reminder-14',
          owner_ref: TEAM_B,
          sent_at: 2,
        },
      ]);
      await expect(
        knex('campaign_notices').insert({
          campaign_id: 'c-1',
          notice: 'reminder-14',
          owner_ref: TEAM_A,
          sent_at: 4,
        }),
      ).rejects.toThrow();
      // Deleting a campaign still deletes its notices.
      await knex('campaign_notices').insert({
        campaign_id: 'c-2',
        notice: 'start',
        owner_ref: TEAM_A,
        sent_at: 1,
      });
      await knex('campaigns').where('id', 'c-2').delete();
      expect(await notices()).toHaveLength(3);

      await knex.migrate.down({ directory });
      expect(await knex.schema.hasColumn('campaign_notices', 'owner_ref')).toBe(
        false,
      );
      expect(
        (
          await knex('campaign_notices')
            .orderBy('notice')
            .select('notice', 'sent_at')
        ).map(r => [r.notice, Number(r.sent_at)]),
      ).toEqual([
        ['reminder-14', 2],
        ['start', 1],
      ]);
      await expect(
        knex('campaign_notices').insert({
          campaign_id: 'c-1',
          notice: 'start',
          sent_at: 5,
        }),
      ).rejects.toThrow();
      await knex('campaigns').where('id', 'c-1').delete();
      const [{ n }] = await knex('campaign_notices').count({ n: '*' });
      expect(Number(n)).toBe(0);
    },
  );
});
