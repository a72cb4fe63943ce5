import { TestDatabases } from '@backstage/backend-test-utils';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { sampleCampaign } from '../../__testUtils__/sampleCampaigns';
import { createCampaign } from './createCampaign';
import { markCampaignFinished } from './markCampaignFinished';
import { readCampaign } from './readCampaign';

jest.setTimeout(60_000);

describe('markCampaignFinished', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'marks one campaign finished once, keeping the first time, %p',
    async databaseId => {
      const { knex } = await migratedDatabase(databases, databaseId);
      await createCampaign(knex, sampleCampaign('c-1'));
      await createCampaign(knex, sampleCampaign('c-2'));
      const first = new Date('2027-04-01T00:10:00Z');

      await markCampaignFinished(knex, 'c-1', first);
      await markCampaignFinished(knex, 'c-1', new Date('2027-04-02T00:10:00Z'));

      await expect(readCampaign(knex, 'c-1')).resolves.toMatchObject({
        finishedAt: first,
      });
      await expect(readCampaign(knex, 'c-2')).resolves.not.toHaveProperty(
        'finishedAt',
      );
    },
  );
});
