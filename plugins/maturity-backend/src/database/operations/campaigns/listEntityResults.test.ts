import { TestDatabases } from '@backstage/backend-test-utils';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { sampleCampaign, sampleDay } from '../../__testUtils__/sampleCampaigns';
import { createCampaign } from './createCampaign';
import { listEntityResults } from './listEntityResults';
import { writeCampaignDay } from './writeCampaignDay';

jest.setTimeout(60_000);

const CHECKOUT = 'component:default/checkout-api';

describe('listEntityResults', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'reads the result of an entity in every campaign it is in scope of, %p',
    async databaseId => {
      const { knex } = await migratedDatabase(databases, databaseId);
      const now = new Date('2026-12-02T10:00:00Z');
      for (const id of ['c-1', 'c-2', 'c-3']) {
        await createCampaign(knex, sampleCampaign(id));
      }
      await writeCampaignDay(
        knex,
        'c-1',
        sampleDay('2026-12-02', 1, 0),
        [
          {
            entityRef: CHECKOUT,
            title: 'Checkout API',
            ownerRef: 'group:default/checkout',
            meetsGoal: false,
            shortfall: { failingChecks: ['test.1.tests'] },
          },
        ],
        now,
      );
      await writeCampaignDay(
        knex,
        'c-2',
        sampleDay('2026-12-02', 2, 1),
        [
          { entityRef: CHECKOUT, meetsGoal: true },
          { entityRef: 'component:default/other', meetsGoal: false },
        ],
        now,
      );
      await writeCampaignDay(
        knex,
        'c-3',
        sampleDay('2026-12-02', 1, 1),
        [{ entityRef: 'component:default/other', meetsGoal: true }],
        now,
      );

      await expect(listEntityResults(knex, CHECKOUT)).resolves.toEqual([
        {
          campaignId: 'c-1',
          entityRef: CHECKOUT,
          title: 'Checkout API',
          ownerRef: 'group:default/checkout',
          meetsGoal: false,
          shortfall: { failingChecks: ['test.1.tests'] },
        },
        { campaignId: 'c-2', entityRef: CHECKOUT, meetsGoal: true },
      ]);
      await expect(
        listEntityResults(knex, 'component:default/nowhere'),
      ).resolves.toEqual([]);
    },
  );
});
