import { TestDatabases } from '@backstage/backend-test-utils';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { sampleCampaign, sampleDay } from '../../__testUtils__/sampleCampaigns';
import { createCampaign } from './createCampaign';
import { tallyOwners } from './tallyOwners';
import { writeCampaignDay } from './writeCampaignDay';

jest.setTimeout(60_000);

const entity = (name: string, owner: string, meetsGoal: boolean) => ({
  entityRef: `component:default/${name}`,
  ownerRef: `group:default/${owner}`,
  meetsGoal,
});

describe('tallyOwners', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'counts per campaign the entities the owners own and those meeting the goal, across owner batches, %p',
    async databaseId => {
      const { knex } = await migratedDatabase(databases, databaseId);
      const now = new Date('2026-12-02T10:00:00Z');
      for (const id of ['c-1', 'c-2', 'c-3']) {
        await createCampaign(knex, sampleCampaign(id));
      }
      await writeCampaignDay(
        knex,
        'c-1',
        sampleDay('2026-12-02', 4, 2),
        [
          entity('a', 'checkout', true),
          entity('b', 'checkout', false),
          entity('c', 'cart', true),
          entity('d', 'payments', false),
        ],
        now,
      );
      await writeCampaignDay(
        knex,
        'c-2',
        sampleDay('2026-12-02', 1, 0),
        [entity('a', 'checkout', false)],
        now,
      );
      await writeCampaignDay(
        knex,
        'c-3',
        sampleDay('2026-12-02', 1, 1),
        [entity('d', 'payments', true)],
        now,
      );
      // More owner refs than one statement takes: the cart team's sub-groups.
      const subGroups = Array.from(
        { length: 1500 },
        (_, i) => `group:default/sub-${i}`,
      );

      const tallies = await tallyOwners(knex, [
        'group:default/checkout',
        ...subGroups,
        'group:default/cart',
      ]);

      expect(Object.fromEntries(tallies)).toEqual({
        'c-1': { inScope: 3, meeting: 2 },
        'c-2': { inScope: 1, meeting: 0 },
      });
      await expect(tallyOwners(knex, [])).resolves.toEqual(new Map());
    },
  );
});
