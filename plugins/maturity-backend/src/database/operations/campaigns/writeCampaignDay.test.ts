import { TestDatabases } from '@backstage/backend-test-utils';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { sampleCampaign, sampleDay } from '../../__testUtils__/sampleCampaigns';
import { createCampaign } from './createCampaign';
import { listCampaignEntities } from './listCampaignEntities';
import { readCampaignDays } from './readCampaignDays';
import { writeCampaignDay } from './writeCampaignDay';

jest.setTimeout(60_000);

const page = { limit: 2000, offset: 0 };

describe('writeCampaignDay', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    "replaces a day's figures, and the in-scope entities only when given, in batches, %p",
    async databaseId => {
      const { knex } = await migratedDatabase(databases, databaseId);
      await createCampaign(knex, sampleCampaign('c-1'));
      const now = new Date('2026-12-02T10:00:00Z');
      const many = Array.from({ length: 1203 }, (_, i) => ({
        entityRef: `component:default/e-${String(i).padStart(4, '0')}`,
        ownerRef: 'group:default/checkout',
        meetsGoal: i % 3 === 0,
        ...(i % 3 === 0
          ? {}
          : { shortfall: { failingChecks: ['test.1.tests'] } }),
      }));

      await writeCampaignDay(
        knex,
        'c-1',
        sampleDay('2026-12-02', 1203, 401),
        many,
        now,
      );
      await expect(
        listCampaignEntities(knex, 'c-1', page),
      ).resolves.toMatchObject({ totalCount: 1203 });

      // Today again, later: its figures and entities replace the earlier ones.
      await writeCampaignDay(
        knex,
        'c-1',
        sampleDay('2026-12-02', 2, 1),
        [
          {
            entityRef: 'component:default/a',
            title: 'A',
            ownerRef: 'group:default/checkout',
            meetsGoal: false,
            shortfall: { failingChecks: ['test.1.tests'], level: 2 },
          },
          { entityRef: 'component:default/b', meetsGoal: true },
        ],
        now,
      );
      // A past day back-filled without entities leaves them.
      await writeCampaignDay(
        knex,
        'c-1',
        sampleDay('2026-12-01', 2, 0),
        undefined,
        now,
      );

      await expect(readCampaignDays(knex, 'c-1')).resolves.toEqual([
        sampleDay('2026-12-01', 2, 0),
        sampleDay('2026-12-02', 2, 1),
      ]);
      await expect(listCampaignEntities(knex, 'c-1', page)).resolves.toEqual({
        totalCount: 2,
        items: [
          {
            entityRef: 'component:default/a',
            title: 'A',
            ownerRef: 'group:default/checkout',
            meetsGoal: false,
            shortfall: { failingChecks: ['test.1.tests'], level: 2 },
          },
          { entityRef: 'component:default/b', meetsGoal: true },
        ],
      });
      const [row] = await knex('campaign_days')
        .where('day', 20789)
        .select('computed_at');
      expect(Number(row.computed_at)).toBe(now.getTime());
    },
  );
});
