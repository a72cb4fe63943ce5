import { TestDatabases } from '@backstage/backend-test-utils';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { sampleCampaign, sampleDay } from '../../__testUtils__/sampleCampaigns';
import { createCampaign } from './createCampaign';
import { deleteCampaign } from './deleteCampaign';
import { listCampaignEntities } from './listCampaignEntities';
import { markCampaignFinished } from './markCampaignFinished';
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

  it.each(databases.eachSupportedId())(
    'writes nothing for a campaign changed since, deleted or finished, %p',
    async databaseId => {
      const { knex } = await migratedDatabase(databases, databaseId);
      const campaign = sampleCampaign('c-1');
      await createCampaign(knex, campaign);
      await createCampaign(knex, sampleCampaign('c-2'));
      await createCampaign(knex, sampleCampaign('c-3'));
      const now = new Date('2026-12-02T10:00:00Z');
      const entities = [{ entityRef: 'component:default/a', meetsGoal: true }];
      const write = (id: string, expected?: Date) =>
        writeCampaignDay(
          knex,
          id,
          sampleDay('2026-12-02', 1, 1),
          entities,
          now,
          expected,
        );

      await expect(
        write('c-1', new Date(campaign.updatedAt.getTime() - 1)),
      ).resolves.toBe(false);
      await deleteCampaign(knex, 'c-2');
      await expect(write('c-2')).resolves.toBe(false);
      await markCampaignFinished(knex, 'c-3', now);
      await expect(write('c-3')).resolves.toBe(false);
      expect(Number((await knex('campaign_days').count({ n: '*' }))[0].n)).toBe(
        0,
      );
      expect(
        Number((await knex('campaign_entities').count({ n: '*' }))[0].n),
      ).toBe(0);

      await expect(write('c-1', campaign.updatedAt)).resolves.toBe(true);
      await expect(readCampaignDays(knex, 'c-1')).resolves.toEqual([
        sampleDay('2026-12-02', 1, 1),
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'writes only the entities of a campaign not begun, %p',
    async databaseId => {
      const { knex } = await migratedDatabase(databases, databaseId);
      await createCampaign(knex, sampleCampaign('c-1'));

      await expect(
        writeCampaignDay(
          knex,
          'c-1',
          undefined,
          [{ entityRef: 'component:default/a', meetsGoal: false }],
          new Date('2026-11-30T10:00:00Z'),
        ),
      ).resolves.toBe(true);

      await expect(readCampaignDays(knex, 'c-1')).resolves.toEqual([]);
      await expect(
        listCampaignEntities(knex, 'c-1', page),
      ).resolves.toMatchObject({ totalCount: 1 });
    },
  );

  it.each(databases.eachSupportedId())(
    "lets two runs write one campaign's entities at once, one after the other, %p",
    async databaseId => {
      const { knex } = await migratedDatabase(databases, databaseId);
      await createCampaign(knex, sampleCampaign('c-1'));
      const now = new Date('2026-12-02T10:00:00Z');
      const entities = (prefix: string) =>
        Array.from({ length: 600 }, (_, i) => ({
          entityRef: `component:default/${prefix}-${i}`,
          meetsGoal: true,
        }));

      const written = await Promise.all([
        writeCampaignDay(
          knex,
          'c-1',
          sampleDay('2026-12-02', 600, 600),
          entities('x'),
          now,
        ),
        writeCampaignDay(
          knex,
          'c-1',
          sampleDay('2026-12-02', 600, 600),
          entities('y'),
          now,
        ),
      ]);

      expect(written).toEqual([true, true]);
      const rows = await knex('campaign_entities').select('entity_ref');
      expect(rows).toHaveLength(600);
      // One run's entities, whole: not a mix of both.
      const prefixes = new Set(
        rows.map(row => String(row.entity_ref).split('-')[0]),
      );
      expect(prefixes.size).toBe(1);
    },
  );
});
