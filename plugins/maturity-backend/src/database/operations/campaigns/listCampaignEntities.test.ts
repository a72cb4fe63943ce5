import { TestDatabases } from '@backstage/backend-test-utils';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { sampleCampaign, sampleDay } from '../../__testUtils__/sampleCampaigns';
import { createCampaign } from './createCampaign';
import { listCampaignEntities } from './listCampaignEntities';
import { writeCampaignDay } from './writeCampaignDay';

jest.setTimeout(60_000);

const entity = (name: string, owner: string, meetsGoal: boolean) => ({
  entityRef: `component:default/${name}`,
  ownerRef: `group:default/${owner}`,
  meetsGoal,
  ...(meetsGoal ? {} : { shortfall: { failingChecks: ['test.1.tests'] } }),
});

describe('listCampaignEntities', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    "pages a campaign's entities by ref, filtered by goal and owners, with the count of all that match, %p",
    async databaseId => {
      const { knex } = await migratedDatabase(databases, databaseId);
      const now = new Date('2026-12-02T10:00:00Z');
      await createCampaign(knex, sampleCampaign('c-1'));
      await createCampaign(knex, sampleCampaign('c-2'));
      await writeCampaignDay(
        knex,
        'c-1',
        sampleDay('2026-12-02', 4, 2),
        [
          entity('d', 'checkout', false),
          entity('a', 'checkout', true),
          entity('c', 'payments', false),
          entity('b', 'cart', true),
        ],
        now,
      );
      await writeCampaignDay(
        knex,
        'c-2',
        sampleDay('2026-12-02', 1, 0),
        [entity('e', 'checkout', false)],
        now,
      );
      const refs = async (options: {
        meetsGoal?: boolean;
        ownerRefs?: string[];
        limit?: number;
        offset?: number;
      }) => {
        const page = await listCampaignEntities(knex, 'c-1', {
          limit: 10,
          offset: 0,
          ...options,
        });
        return [page.totalCount, page.items.map(i => i.entityRef.slice(18))];
      };

      await expect(refs({})).resolves.toEqual([4, ['a', 'b', 'c', 'd']]);
      await expect(refs({ limit: 2, offset: 1 })).resolves.toEqual([
        4,
        ['b', 'c'],
      ]);
      await expect(refs({ meetsGoal: false })).resolves.toEqual([
        2,
        ['c', 'd'],
      ]);
      await expect(
        refs({
          ownerRefs: ['group:default/checkout', 'group:default/cart'],
          meetsGoal: true,
        }),
      ).resolves.toEqual([2, ['a', 'b']]);
      await expect(refs({ ownerRefs: [] })).resolves.toEqual([0, []]);
      const [short] = (
        await listCampaignEntities(knex, 'c-1', {
          meetsGoal: false,
          limit: 1,
          offset: 0,
        })
      ).items;
      expect(short).toEqual(entity('c', 'payments', false));
    },
  );
});
