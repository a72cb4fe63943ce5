import { TestDatabases } from '@backstage/backend-test-utils';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { sampleCampaign, sampleDay } from '../../__testUtils__/sampleCampaigns';
import { createCampaign } from './createCampaign';
import { readCampaign } from './readCampaign';
import { writeCampaignDay } from './writeCampaignDay';

jest.setTimeout(60_000);

describe('readCampaign', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'reads a campaign with the figures of its latest computed day, none before the first, %p',
    async databaseId => {
      const { knex } = await migratedDatabase(databases, databaseId);
      await createCampaign(knex, sampleCampaign('c-1'));
      await createCampaign(knex, sampleCampaign('c-2'));
      const now = new Date('2026-12-03T10:00:00Z');

      await expect(readCampaign(knex, 'c-1')).resolves.not.toHaveProperty(
        'latest',
      );
      await writeCampaignDay(
        knex,
        'c-1',
        sampleDay('2026-12-02', 10, 4),
        undefined,
        now,
      );
      await writeCampaignDay(
        knex,
        'c-1',
        sampleDay('2026-12-01', 10, 2),
        undefined,
        now,
      );
      await writeCampaignDay(
        knex,
        'c-2',
        sampleDay('2026-12-03', 7, 7),
        undefined,
        now,
      );

      await expect(readCampaign(knex, 'c-1')).resolves.toMatchObject({
        id: 'c-1',
        latest: { day: '2026-12-02', inScope: 10, meeting: 4 },
      });
      await expect(readCampaign(knex, 'missing')).resolves.toBeUndefined();
    },
  );
});
