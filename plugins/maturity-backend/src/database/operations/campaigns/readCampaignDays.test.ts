import { TestDatabases } from '@backstage/backend-test-utils';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { sampleCampaign, sampleDay } from '../../__testUtils__/sampleCampaigns';
import { createCampaign } from './createCampaign';
import { readCampaignDays } from './readCampaignDays';
import { writeCampaignDay } from './writeCampaignDay';

jest.setTimeout(60_000);

describe('readCampaignDays', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    "reads one campaign's computed days, oldest first, with their teams, %p",
    async databaseId => {
      const { knex } = await migratedDatabase(databases, databaseId);
      const now = new Date('2026-12-10T10:00:00Z');
      await createCampaign(knex, sampleCampaign('c-1'));
      await createCampaign(knex, sampleCampaign('c-2'));
      // Written out of order, as a back-fill after today's run would.
      for (const day of ['2026-12-10', '2026-12-01', '2026-12-09']) {
        await writeCampaignDay(
          knex,
          'c-1',
          sampleDay(day, 4, 1),
          undefined,
          now,
        );
      }
      await writeCampaignDay(
        knex,
        'c-2',
        sampleDay('2026-12-05', 9, 9),
        undefined,
        now,
      );

      await expect(readCampaignDays(knex, 'c-1')).resolves.toEqual([
        sampleDay('2026-12-01', 4, 1),
        sampleDay('2026-12-09', 4, 1),
        sampleDay('2026-12-10', 4, 1),
      ]);
      await expect(readCampaignDays(knex, 'missing')).resolves.toEqual([]);
    },
  );
});
