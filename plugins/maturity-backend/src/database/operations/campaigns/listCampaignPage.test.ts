import { TestDatabases } from '@backstage/backend-test-utils';
import { CampaignStatus } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { sampleCampaign, sampleDay } from '../../__testUtils__/sampleCampaigns';
import { createCampaign } from './createCampaign';
import { listCampaignPage } from './listCampaignPage';
import { markCampaignFinished } from './markCampaignFinished';
import { writeCampaignDay } from './writeCampaignDay';

jest.setTimeout(60_000);

const TODAY = '2026-12-10';
const CHECKOUT = 'group:default/checkout';
const PAYMENTS = 'group:default/payments';
const SEARCH = 'group:default/search';

describe('listCampaignPage', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  /**
   * On 2026-12-10, nearest deadline first: `past` (finished by its date,
   * not yet marked), `marked` (marked finished), `ends-today` (active on
   * its last day), `closed` (marked finished before its deadline), `now`
   * (active), `starts-today` (active on its first day), `next` (upcoming).
   */
  async function seeded(databaseId: Parameters<typeof migratedDatabase>[1]) {
    const { knex } = await migratedDatabase(databases, databaseId);
    const campaigns: Array<[string, string, string]> = [
      ['past', '2026-10-01', '2026-11-30'],
      ['marked', '2026-11-01', '2026-12-09'],
      ['ends-today', '2026-12-01', '2026-12-10'],
      ['closed', '2026-12-01', '2026-12-20'],
      ['now', '2026-12-01', '2027-01-15'],
      ['starts-today', '2026-12-10', '2027-02-01'],
      ['next', '2026-12-11', '2027-03-31'],
    ];
    // Created in another order than listed: the order is the deadline's.
    for (const [id, startsOn, deadline] of [...campaigns].reverse()) {
      await createCampaign(knex, sampleCampaign(id, { startsOn, deadline }));
    }
    const at = new Date('2026-12-10T01:00:00Z');
    await writeCampaignDay(
      knex,
      'now',
      sampleDay(TODAY, 3, 1),
      [
        {
          entityRef: 'component:default/a',
          ownerRef: CHECKOUT,
          meetsGoal: true,
        },
        {
          entityRef: 'component:default/b',
          ownerRef: PAYMENTS,
          meetsGoal: false,
          shortfall: { failingChecks: ['test.1.tests'] },
        },
        {
          entityRef: 'component:default/c',
          ownerRef: SEARCH,
          meetsGoal: false,
          shortfall: { failingChecks: ['test.1.tests'] },
        },
      ],
      at,
    );
    await writeCampaignDay(
      knex,
      'next',
      undefined,
      [
        {
          entityRef: 'component:default/a',
          ownerRef: CHECKOUT,
          meetsGoal: false,
          shortfall: { failingChecks: ['test.1.tests'] },
        },
      ],
      at,
    );
    await writeCampaignDay(
      knex,
      'past',
      sampleDay('2026-11-30', 1, 1),
      [{ entityRef: 'component:default/c', ownerRef: SEARCH, meetsGoal: true }],
      at,
    );
    await markCampaignFinished(
      knex,
      'marked',
      new Date('2026-12-10T00:10:00Z'),
    );
    await markCampaignFinished(
      knex,
      'closed',
      new Date('2026-12-09T10:00:00Z'),
    );
    return knex;
  }

  it.each(databases.eachSupportedId())(
    'filters by status as of today, nearest deadline first, %p',
    async databaseId => {
      const knex = await seeded(databaseId);
      const ids = async (statuses?: CampaignStatus[]) => {
        const page = await listCampaignPage(knex, {
          statuses,
          today: TODAY,
          limit: 50,
          offset: 0,
        });
        expect(page.totalCount).toBe(page.items.length);
        return page.items.map(c => c.id);
      };
      const every = [
        'past',
        'marked',
        'ends-today',
        'closed',
        'now',
        'starts-today',
        'next',
      ];
      await expect(ids()).resolves.toEqual(every);
      await expect(ids([])).resolves.toEqual(every);
      await expect(ids(['upcoming', 'active', 'finished'])).resolves.toEqual(
        every,
      );
      await expect(ids(['finished'])).resolves.toEqual([
        'past',
        'marked',
        'closed',
      ]);
      await expect(ids(['active'])).resolves.toEqual([
        'ends-today',
        'now',
        'starts-today',
      ]);
      await expect(ids(['upcoming'])).resolves.toEqual(['next']);
      await expect(ids(['active', 'upcoming'])).resolves.toEqual([
        'ends-today',
        'now',
        'starts-today',
        'next',
      ]);
      await expect(ids(['upcoming', 'finished'])).resolves.toEqual([
        'past',
        'marked',
        'closed',
        'next',
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'pages with the total of the filtered list, each with its latest figures and when it was marked finished, %p',
    async databaseId => {
      const knex = await seeded(databaseId);
      const page = await listCampaignPage(knex, {
        statuses: ['active', 'upcoming'],
        today: TODAY,
        limit: 2,
        offset: 1,
      });
      expect(page.totalCount).toBe(4);
      expect(page.items.map(c => [c.id, c.latest, c.team])).toEqual([
        ['now', { day: TODAY, inScope: 3, meeting: 1 }, undefined],
        ['starts-today', undefined, undefined],
      ]);
      await expect(
        listCampaignPage(knex, { today: TODAY, limit: 5, offset: 7 }),
      ).resolves.toEqual({ items: [], totalCount: 7 });
      const finished = await listCampaignPage(knex, {
        statuses: ['finished'],
        today: TODAY,
        limit: 50,
        offset: 0,
      });
      expect(finished.items.map(c => [c.id, c.finishedAt])).toEqual([
        ['past', undefined],
        ['marked', new Date('2026-12-10T00:10:00Z')],
        ['closed', new Date('2026-12-09T10:00:00Z')],
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps to the campaigns the owners have in-scope entities in, with their part, %p',
    async databaseId => {
      const knex = await seeded(databaseId);
      const owned = (
        query: Partial<Parameters<typeof listCampaignPage>[1]> = {},
      ) =>
        listCampaignPage(knex, {
          ownerRefs: [CHECKOUT, PAYMENTS, CHECKOUT],
          today: TODAY,
          limit: 50,
          offset: 0,
          ...query,
        });
      const teams = (page: Awaited<ReturnType<typeof owned>>) =>
        page.items.map(c => [c.id, c.team]);

      const all = await owned();
      expect(teams(all)).toEqual([
        ['now', { inScope: 2, meeting: 1 }],
        ['next', { inScope: 1, meeting: 0 }],
      ]);
      expect(all.totalCount).toBe(2);
      expect(all.items[0].latest).toEqual({
        day: TODAY,
        inScope: 3,
        meeting: 1,
      });

      const upcoming = await owned({ statuses: ['upcoming'] });
      expect(teams(upcoming)).toEqual([['next', { inScope: 1, meeting: 0 }]]);
      expect(upcoming.totalCount).toBe(1);

      const first = await owned({ limit: 1 });
      expect(teams(first)).toEqual([['now', { inScope: 2, meeting: 1 }]]);
      expect(first.totalCount).toBe(2);

      const search = await owned({
        ownerRefs: [SEARCH],
        statuses: ['finished'],
      });
      expect(teams(search)).toEqual([['past', { inScope: 1, meeting: 1 }]]);
      await expect(owned({ ownerRefs: [] })).resolves.toEqual({
        items: [],
        totalCount: 0,
      });
    },
  );
});
