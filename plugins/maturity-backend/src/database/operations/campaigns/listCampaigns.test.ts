import { TestDatabases } from '@backstage/backend-test-utils';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { sampleCampaign, sampleDay } from '../../__testUtils__/sampleCampaigns';
import { createCampaign } from './createCampaign';
import { listCampaigns } from './listCampaigns';
import { markCampaignFinished } from './markCampaignFinished';
import { writeCampaignDay } from './writeCampaignDay';

jest.setTimeout(60_000);

describe('listCampaigns', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'lists every campaign nearest deadline first, each with its latest figures, %p',
    async databaseId => {
      const { knex } = await migratedDatabase(databases, databaseId);
      await expect(listCampaigns(knex)).resolves.toEqual([]);
      await createCampaign(
        knex,
        sampleCampaign('late', { deadline: '2027-06-30' }),
      );
      await createCampaign(
        knex,
        sampleCampaign('soon', { deadline: '2027-01-15' }),
      );
      await createCampaign(
        knex,
        sampleCampaign('done', {
          startsOn: '2026-10-01',
          deadline: '2026-11-30',
        }),
      );
      const now = new Date('2026-12-02T10:00:00Z');
      await writeCampaignDay(
        knex,
        'soon',
        sampleDay('2026-12-01', 5, 1),
        undefined,
        now,
      );
      await writeCampaignDay(
        knex,
        'soon',
        sampleDay('2026-12-02', 5, 3),
        undefined,
        now,
      );
      await writeCampaignDay(
        knex,
        'done',
        sampleDay('2026-11-30', 8, 8),
        undefined,
        now,
      );
      await markCampaignFinished(
        knex,
        'done',
        new Date('2026-12-01T00:10:00Z'),
      );

      const campaigns = await listCampaigns(knex);

      expect(
        campaigns.map(c => [c.id, c.deadline, c.latest, c.finishedAt]),
      ).toEqual([
        [
          'done',
          '2026-11-30',
          { day: '2026-11-30', inScope: 8, meeting: 8 },
          new Date('2026-12-01T00:10:00Z'),
        ],
        [
          'soon',
          '2027-01-15',
          { day: '2026-12-02', inScope: 5, meeting: 3 },
          undefined,
        ],
        ['late', '2027-06-30', undefined, undefined],
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'lists only the campaigns asked for, the finished ones left out when asked, %p',
    async databaseId => {
      const { knex } = await migratedDatabase(databases, databaseId);
      for (const id of ['a', 'b', 'c', 'd']) {
        await createCampaign(knex, sampleCampaign(id));
      }
      await markCampaignFinished(knex, 'b', new Date('2027-04-01T00:10:00Z'));

      const ids = (campaigns: Array<{ id: string }>) =>
        campaigns.map(c => c.id);
      expect(ids(await listCampaigns(knex, { ids: ['a', 'b', 'x'] }))).toEqual([
        'a',
        'b',
      ]);
      expect(
        ids(await listCampaigns(knex, { ids: ['a', 'b'], unfinished: true })),
      ).toEqual(['a']);
      expect(ids(await listCampaigns(knex, { unfinished: true }))).toEqual([
        'a',
        'c',
        'd',
      ]);
      expect(ids(await listCampaigns(knex, { ids: [] }))).toEqual([]);
    },
  );
});
