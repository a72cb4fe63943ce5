import { TestDatabases } from '@backstage/backend-test-utils';
import { migratedDatabase } from '../../database/__testUtils__/migratedDatabase';
import { sampleCampaign } from '../../database/__testUtils__/sampleCampaigns';
import { createCampaign } from '../../database/operations/campaigns/createCampaign';
import { listCampaignPage } from '../../database/operations/campaigns/listCampaignPage';
import { InMemoryCampaignStore } from './InMemoryCampaignStore';

jest.setTimeout(60_000);

// Campaigns sharing deadlines, created in another order than the ids'.
const CAMPAIGNS = [
  sampleCampaign('e', { deadline: '2027-03-31' }),
  sampleCampaign('d', { deadline: '2027-01-31' }),
  sampleCampaign('c', { deadline: '2027-03-31' }),
  sampleCampaign('b', { deadline: '2027-01-31' }),
  sampleCampaign('a', { deadline: '2027-03-31' }),
];
const QUERY = { today: '2026-12-10', limit: 2 };
const EXPECTED_PAGES = [['b', 'd'], ['a', 'c'], ['e']];

describe('InMemoryCampaignStore pages campaigns as the SQL does', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'nearest deadline first, then by id, as %p',
    async databaseId => {
      const { knex } = await migratedDatabase(databases, databaseId);
      for (const campaign of CAMPAIGNS) await createCampaign(knex, campaign);
      const pages = [];
      for (const offset of [0, 2, 4]) {
        const page = await listCampaignPage(knex, { ...QUERY, offset });
        pages.push(page.items.map(c => c.id));
      }
      expect(pages).toEqual(EXPECTED_PAGES);
    },
  );

  it('in memory, the same pages', async () => {
    const store = new InMemoryCampaignStore();
    for (const campaign of CAMPAIGNS) await store.createCampaign(campaign);
    const pages = [];
    for (const offset of [0, 2, 4]) {
      const page = await store.listCampaignPage({ ...QUERY, offset });
      pages.push(page.items.map(c => c.id));
    }
    expect(pages).toEqual(EXPECTED_PAGES);
  });
});
