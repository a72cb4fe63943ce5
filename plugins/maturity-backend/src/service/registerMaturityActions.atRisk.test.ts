import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { applyHeldLevels } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { RollupStore } from '../database/RollupStore';
import { ScorecardResultStore } from '../database/ScorecardStore';
import { makeEvaluation } from '../testing/makeEvaluation';
import { registerMaturityActions } from './registerMaturityActions';

// Test held at 3 while its checks give 2 for the first day.
const record = makeEvaluation('component:default/checkout-api', {
  levels: [3, 3, 3, 2, 3],
  failing: ['test.3.coverage'],
});
record.scorecard.checks[0].category = 'test';
record.scorecard.checks[0].level = 3;
const { scorecard } = applyHeldLevels(
  record.scorecard,
  {
    culture: { level: 3, belowDays: 0, lastBelowDay: null },
    design: { level: 3, belowDays: 0, lastBelowDay: null },
    'build-deploy': { level: 3, belowDays: 0, lastBelowDay: null },
    test: { level: 3, belowDays: 0, lastBelowDay: null },
    information: { level: 3, belowDays: 0, lastBelowDay: null },
  },
  { dropAfterDays: 3 },
);

describe('the list-maturity-at-risk action', () => {
  const scopes: unknown[] = [];
  const results = {
    listAtRisk: async (scope: unknown) => {
      scopes.push(scope);
      return [scorecard];
    },
  } as unknown as ScorecardResultStore;
  const rollups = {} as RollupStore;

  it('lists what is at risk for an entity or a team, refs made canonical', async () => {
    const registry = actionsRegistryServiceMock();
    registerMaturityActions(registry, {
      results,
      rollups,
      permissions: mockServices.permissions(),
    });
    const { output } = await registry.invoke({
      id: 'test:list-maturity-at-risk',
      input: { ownerRef: 'payments' },
      credentials: mockCredentials.user(),
    });
    expect(scopes.at(-1)).toEqual({ ownerRef: 'group:default/payments' });
    expect(output).toEqual({
      entities: [
        {
          entityRef: 'component:default/checkout-api',
          overallLevel: 3,
          rawOverallLevel: 3,
          categories: [
            {
              category: 'test',
              heldLevel: 3,
              rawLevel: 2,
              belowDays: 1,
              // Evaluated 2026-11-23: below on day 1 of 3.
              dropsOn: '2026-11-25',
              checks: [
                {
                  checkId: 'test.3.coverage',
                  title: 'test.3.coverage',
                  state: 'fail',
                  howToFix: 'fix it',
                },
              ],
            },
          ],
        },
      ],
    });

    await registry.invoke({
      id: 'test:list-maturity-at-risk',
      input: { entityRef: 'checkout-api' },
      credentials: mockCredentials.user(),
    });
    expect(scopes.at(-1)).toEqual({
      entityRef: 'component:default/checkout-api',
    });
  });

  it('wants exactly one of entityRef and ownerRef', async () => {
    const registry = actionsRegistryServiceMock();
    registerMaturityActions(registry, {
      results,
      rollups,
      permissions: mockServices.permissions(),
    });
    for (const input of [
      {},
      { entityRef: 'checkout-api', ownerRef: 'group:default/payments' },
    ]) {
      await expect(
        registry.invoke({
          id: 'test:list-maturity-at-risk',
          input,
          credentials: mockCredentials.user(),
        }),
      ).rejects.toThrow('Give exactly one of entityRef and ownerRef');
    }
  });

  it('is authorized like the scorecard routes', async () => {
    const denied = actionsRegistryServiceMock();
    registerMaturityActions(denied, {
      results,
      rollups,
      permissions: mockServices.permissions.mock({
        authorize: async () => [{ result: AuthorizeResult.DENY }],
      }),
    });
    await expect(
      denied.invoke({
        id: 'test:list-maturity-at-risk',
        input: { ownerRef: 'group:default/payments' },
        credentials: mockCredentials.user(),
      }),
    ).rejects.toThrow(/maturity\.scorecard\.read/);
  });
});
