import { TestDatabases } from '@backstage/backend-test-utils';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { sampleCampaign, sampleDay } from '../../__testUtils__/sampleCampaigns';
import { createCampaign } from './createCampaign';
import { readComputedDays } from './readComputedDays';
import { writeCampaignDay } from './writeCampaignDay';

jest.setTimeout(60_000);

describe('readComputedDays', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    "reads one campaign's computed days, when and whether with the group tree, oldest first, %p",
    async databaseId => {
      const { knex } = await migratedDatabase(databases, databaseId);
      await createCampaign(knex, sampleCampaign('c-1'));
      await createCampaign(knex, sampleCampaign('c-2'));
      const first = new Date('2026-12-10T10:00:00Z');
      const later = new Date('2026-12-10T10:10:00Z');
      await writeCampaignDay(
        knex,
        'c-1',
        sampleDay('2026-12-10', 4, 1),
        undefined,
        later,
        undefined,
        false,
      );
      await writeCampaignDay(
        knex,
        'c-1',
        sampleDay('2026-12-01', 4, 1),
        undefined,
        first,
      );
      await writeCampaignDay(
        knex,
        'c-2',
        sampleDay('2026-12-05', 9, 9),
        undefined,
        first,
      );

      await expect(readComputedDays(knex, 'c-1')).resolves.toEqual([
        { day: '2026-12-01', computedAt: first, groupTreeKnown: true },
        { day: '2026-12-10', computedAt: later, groupTreeKnown: false },
      ]);
      await expect(readComputedDays(knex, 'missing')).resolves.toEqual([]);
    },
  );
});
