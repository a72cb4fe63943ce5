import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  campaign,
  campaignRubric,
} from '../campaigns/__testUtils__/campaignFixtures';
import { InMemoryCampaignStore } from '../campaigns/__testUtils__/InMemoryCampaignStore';
import { registerCampaignActions } from './registerCampaignActions';

const PAYMENTS = 'group:default/payments';
/** A check of the test rubric. */
const check = (id: string) =>
  campaignRubric.categories
    .flatMap(c => c.levels.flatMap(l => l.checks))
    .find(c => c.id === id)!;
const GOAL_IN_WORDS = `pass these checks: "${check('test.1.a').title}", "${
  check('test.2.b').title
}"`;
const CHECKOUT = 'group:default/checkout';
const SEARCH = 'group:default/search';

/**
 * Two campaigns on 2026-12-10: `c1` (active, due 2026-12-31) with figures
 * for two days, `c2` (upcoming, due 2027-03-31) on a level goal; payments
 * is the parent of checkout.
 */
async function setUp(
  permissions = mockServices.permissions(),
): Promise<ReturnType<typeof actionsRegistryServiceMock>> {
  const store = new InMemoryCampaignStore();
  await store.createCampaign(
    campaign({
      id: 'c1',
      goal: { type: 'checks', checkIds: ['test.1.a', 'test.2.b'] },
      latest: { day: '2026-12-10', inScope: 3, meeting: 1 },
    }),
  );
  await store.createCampaign(
    campaign({
      id: 'c2',
      title: 'Build level 3',
      goal: { type: 'categoryLevel', category: 'build-deploy', level: 3 },
      startsOn: '2027-01-01',
      deadline: '2027-03-31',
    }),
  );
  await store.writeDay('c1', {
    day: '2026-12-09',
    inScope: 3,
    meeting: 0,
    teams: [],
  });
  await store.writeDay(
    'c1',
    {
      day: '2026-12-10',
      inScope: 3,
      meeting: 1,
      teams: [
        { ownerRef: CHECKOUT, inScope: 1, meeting: 1 },
        { ownerRef: SEARCH, inScope: 2, meeting: 0 },
      ],
    },
    [
      {
        entityRef: 'component:default/a',
        title: 'A',
        ownerRef: SEARCH,
        meetsGoal: false,
        shortfall: { failingChecks: ['test.1.a', 'test.2.b'] },
      },
      { entityRef: 'component:default/b', ownerRef: CHECKOUT, meetsGoal: true },
      {
        entityRef: 'component:default/c',
        ownerRef: SEARCH,
        meetsGoal: false,
        shortfall: { failingChecks: ['test.2.b'] },
      },
    ],
  );
  const registry = actionsRegistryServiceMock();
  registerCampaignActions(registry, {
    campaigns: store,
    rollups: {
      async readSubgroups(refs: string[]) {
        return new Map(
          refs
            .filter(ref => ref === PAYMENTS)
            .map(ref => [ref, [PAYMENTS, CHECKOUT]]),
        );
      },
      async rollupsBuilt() {
        return false;
      },
    },
    evaluator: { rubric: campaignRubric },
    permissions,
    now: () => new Date('2026-12-10T15:00:00Z'),
  });
  return registry;
}

describe('campaign actions', () => {
  it('lists the campaigns with their status, goal in words and figures, and a team its part', async () => {
    const registry = await setUp();
    const { output } = await registry.invoke({
      id: 'test:list-maturity-campaigns',
      input: {},
      credentials: mockCredentials.user(),
    });
    expect(output).toEqual({
      campaigns: [
        {
          id: 'c1',
          title: 'Tests everywhere',
          ownerRef: 'group:default/platform',
          status: 'active',
          goal: GOAL_IN_WORDS,
          allowExemptions: false,
          startsOn: '2026-12-01',
          deadline: '2026-12-31',
          latest: { day: '2026-12-10', inScope: 3, meeting: 1 },
        },
        {
          id: 'c2',
          title: 'Build level 3',
          ownerRef: 'group:default/platform',
          status: 'upcoming',
          goal: `reach level 3 in ${
            campaignRubric.categories.find(c => c.id === 'build-deploy')!.title
          }`,
          allowExemptions: false,
          startsOn: '2027-01-01',
          deadline: '2027-03-31',
        },
      ],
      totalCount: 2,
    });
    const second = await registry.invoke({
      id: 'test:list-maturity-campaigns',
      input: { limit: 1, offset: 1 },
      credentials: mockCredentials.user(),
    });
    expect(second.output).toMatchObject({
      campaigns: [{ id: 'c2' }],
      totalCount: 2,
    });

    const upcoming = await registry.invoke({
      id: 'test:list-maturity-campaigns',
      input: { status: 'upcoming' },
      credentials: mockCredentials.user(),
    });
    expect(
      (upcoming.output as { campaigns: Array<{ id: string }> }).campaigns.map(
        c => c.id,
      ),
    ).toEqual(['c2']);

    // Payments' part counts its sub-group checkout's entity.
    const team = await registry.invoke({
      id: 'test:list-maturity-campaigns',
      input: { team: 'group:default/payments' },
      credentials: mockCredentials.user(),
    });
    expect(team.output).toMatchObject({
      campaigns: [{ id: 'c1', team: { inScope: 1, meeting: 1 } }],
      totalCount: 1,
    });
    await expect(
      registry.invoke({
        id: 'test:list-maturity-campaigns',
        input: { team: 'user:default/ana' },
        credentials: mockCredentials.user(),
      }),
    ).rejects.toThrow(/^team: must be a group ref/);
  });

  it('gets a campaign with its burn-up, its teams most short first and what each entity short lacks', async () => {
    const registry = await setUp();
    const { output } = await registry.invoke({
      id: 'test:get-maturity-campaign',
      input: { id: 'c1', limit: 1 },
      credentials: mockCredentials.user(),
    });
    expect(output).toMatchObject({
      found: true,
      id: 'c1',
      campaign: { id: 'c1', status: 'active', createdBy: 'user:default/ada' },
      goal: GOAL_IN_WORDS,
      days: [
        { day: '2026-12-09', inScope: 3, meeting: 0 },
        { day: '2026-12-10', inScope: 3, meeting: 1 },
      ],
      teams: [
        { ownerRef: SEARCH, inScope: 2, meeting: 0 },
        { ownerRef: CHECKOUT, inScope: 1, meeting: 1 },
      ],
      entitiesShort: {
        totalCount: 2,
        items: [
          {
            entityRef: 'component:default/a',
            title: 'A',
            ownerRef: SEARCH,
            failingChecks: [
              {
                checkId: 'test.1.a',
                title: check('test.1.a').title,
                howToFix: check('test.1.a').howToFix,
              },
              {
                checkId: 'test.2.b',
                title: check('test.2.b').title,
                howToFix: check('test.2.b').howToFix,
              },
            ],
          },
        ],
      },
    });

    const missing = await registry.invoke({
      id: 'test:get-maturity-campaign',
      input: { id: 'nope' },
      credentials: mockCredentials.user(),
    });
    expect(missing.output).toEqual({ found: false, id: 'nope' });
  });

  it('needs the read permission, as the routes do', async () => {
    const registry = await setUp(
      mockServices.permissions.mock({
        authorize: async requests =>
          requests.map(() => ({ result: AuthorizeResult.DENY })),
      }),
    );
    for (const [id, input] of [
      ['test:list-maturity-campaigns', {}],
      ['test:get-maturity-campaign', { id: 'c1' }],
    ] as const) {
      await expect(
        registry.invoke({ id, input, credentials: mockCredentials.user() }),
      ).rejects.toThrow('Missing permission maturity.scorecard.read');
    }
  });
});
