import { TestDatabases } from '@backstage/backend-test-utils';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { sampleCampaign } from '../../__testUtils__/sampleCampaigns';
import { createCampaign } from './createCampaign';
import { readCampaign } from './readCampaign';

jest.setTimeout(60_000);

describe('createCampaign', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'stores every field of a campaign as given, and refuses a second with its id, %p',
    async databaseId => {
      const { knex } = await migratedDatabase(databases, databaseId);
      const campaign = sampleCampaign('c-1', {
        goal: { type: 'categoryLevel', category: 'test', level: 3 },
        allowExemptions: true,
        scope: {
          owners: ['group:default/acme'],
          includeSubgroups: true,
          kinds: ['component'],
          tags: ['java'],
        },
      });

      await createCampaign(knex, campaign);

      await expect(readCampaign(knex, 'c-1')).resolves.toEqual(campaign);
      const [row] = await knex('campaigns').select('starts_on', 'deadline');
      // Days as the history keys them: 2026-12-01 is day 20788.
      expect([Number(row.starts_on), Number(row.deadline)]).toEqual([
        20788, 20908,
      ]);
      await expect(
        createCampaign(knex, sampleCampaign('c-1')),
      ).rejects.toThrow();
    },
  );
});
