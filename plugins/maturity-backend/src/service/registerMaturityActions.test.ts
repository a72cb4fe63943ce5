import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Rollup } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { RollupStore } from '../database/RollupStore';
import { ScorecardResultStore } from '../database/ScorecardStore';
import { makeEvaluation } from '../testing/makeEvaluation';
import { registerMaturityActions } from './registerMaturityActions';
import { ExemptionWorkflow } from '../exemptions/ExemptionWorkflow';

const evaluation = makeEvaluation('component:default/checkout-api', {
  levels: [3, 2, 3, 2, 3],
  failing: ['build-deploy.4.ci-success'],
});
evaluation.scorecard.checks[0].level = 4;

const results = {
  getScorecard: async (ref: string) =>
    ref === 'component:default/checkout-api' ? evaluation.scorecard : undefined,
} as unknown as ScorecardResultStore;

const storedRollups = new Map<string, Rollup>([
  [
    'org',
    {
      scopeRef: 'org',
      entityCount: 38,
      overall: { distribution: [0, 12, 20, 6, 0, 0], median: 2 },
      categories: { culture: { median: 2, distribution: [] } },
      mostFailedChecks: [
        { checkId: 'test.2.coverage-reported', failed: 20, applicable: 30 },
      ],
      movers: { improved: [{}], dropped: [] },
      mlops: {
        entityCount: 3,
        distribution: [1, 1, 1],
        median: 1,
        mostFailedChecks: [
          { checkId: 'mlops.2.drift-monitoring', failed: 2, applicable: 3 },
        ],
      },
    } as unknown as Rollup,
  ],
  [
    'group:default/payments',
    {
      scopeRef: 'group:default/payments',
      entityCount: 4,
      overall: { distribution: [0, 0, 4, 0, 0, 0], median: 2 },
      categories: {},
      mostFailedChecks: [],
      movers: { improved: [], dropped: [] },
    } as unknown as Rollup,
  ],
]);

const rollups = {
  getRollup: async (ref: string) => storedRollups.get(ref),
} as unknown as RollupStore;

describe('maturity actions', () => {
  it('answers an entity maturity question with blockers', async () => {
    const registry = actionsRegistryServiceMock();
    registerMaturityActions(registry, {
      results,
      rollups,
      permissions: mockServices.permissions(),
    });
    const { output } = await registry.invoke({
      id: 'test:get-entity-maturity',
      input: { entityRef: 'checkout-api' },
      credentials: mockCredentials.user(),
    });
    expect(output).toMatchObject({
      found: true,
      entityRef: 'component:default/checkout-api',
      overallLevel: 3,
      overallLevelName: 'Intermediate',
      categories: [
        { category: 'culture', level: 3 },
        { category: 'design', level: 2 },
        { category: 'build-deploy', level: 3 },
        { category: 'test', level: 2 },
        { category: 'information', level: 3 },
      ],
    });
    expect((output as any).nextLevelBlockers).toContainEqual({
      category: 'build-deploy',
      nextLevel: 4,
      checks: [
        expect.objectContaining({
          checkId: 'build-deploy.4.ci-success',
          state: 'fail',
        }),
      ],
    });

    await expect(
      registry.invoke({
        id: 'test:get-entity-maturity',
        input: { entityRef: 'component:default/unknown' },
        credentials: mockCredentials.user(),
      }),
    ).resolves.toEqual({
      output: { found: false, entityRef: 'component:default/unknown' },
    });
  });

  it('answers rollup questions and refuses callers without read permission', async () => {
    const registry = actionsRegistryServiceMock();
    registerMaturityActions(registry, {
      results,
      rollups,
      permissions: mockServices.permissions(),
    });
    const { output } = await registry.invoke({
      id: 'test:get-maturity-rollup',
      input: { scopeRef: 'org' },
      credentials: mockCredentials.user(),
    });
    expect(output).toMatchObject({
      found: true,
      entityCount: 38,
      overallMedian: 2,
      improved: 1,
      dropped: 0,
      mlops: {
        entityCount: 3,
        levelDistribution: [1, 1, 1],
        median: 1,
        mostFailedChecks: [
          { checkId: 'mlops.2.drift-monitoring', failed: 2, applicable: 3 },
        ],
      },
    });
    // A scope without ML entities has no MLOps levels.
    const payments = await registry.invoke({
      id: 'test:get-maturity-rollup',
      input: { scopeRef: 'group:default/payments' },
      credentials: mockCredentials.user(),
    });
    expect(payments.output).toMatchObject({ found: true, entityCount: 4 });
    expect(payments.output).not.toHaveProperty('mlops');

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
        id: 'test:get-maturity-rollup',
        input: { scopeRef: 'org' },
        credentials: mockCredentials.user(),
      }),
    ).rejects.toThrow(/maturity\.scorecard\.read/);
  });

  it('requests an exemption for the calling user, as the routes do', async () => {
    const requests: unknown[] = [];
    const exemptionWorkflow = {
      request: async (request: any) => {
        requests.push(request);
        return {
          id: 'e-1',
          entityRef: request.entityRef,
          checkId: request.checkId,
          reason: request.reason,
          status: 'requested',
          author: request.requester,
          createdAt: '2026-12-01T00:00:00.000Z',
        };
      },
    } as unknown as ExemptionWorkflow;
    const input = {
      entityRef: 'checkout-api',
      checkId: 'test.3.e2e-tests',
      reason: 'Storefront runs it',
    };
    const registry = actionsRegistryServiceMock();
    registerMaturityActions(registry, {
      results,
      rollups,
      permissions: mockServices.permissions(),
      exemptionWorkflow,
    });
    const { output } = await registry.invoke({
      id: 'test:request-maturity-exemption',
      input,
      credentials: mockCredentials.user('user:default/ana'),
    });
    expect(output).toEqual({
      id: 'e-1',
      entityRef: 'component:default/checkout-api',
      checkId: 'test.3.e2e-tests',
      status: 'requested',
    });
    expect(requests).toEqual([
      {
        entityRef: 'component:default/checkout-api',
        checkId: 'test.3.e2e-tests',
        reason: 'Storefront runs it',
        expiresAt: undefined,
        requester: 'user:default/ana',
      },
    ]);
    await expect(
      registry.invoke({
        id: 'test:request-maturity-exemption',
        input,
        credentials: mockCredentials.service(),
      }),
    ).rejects.toThrow('Only users may request exemptions');

    const denied = actionsRegistryServiceMock();
    registerMaturityActions(denied, {
      results,
      rollups,
      permissions: mockServices.permissions.mock({
        authorize: async () => [{ result: AuthorizeResult.DENY }],
      }),
      exemptionWorkflow,
    });
    await expect(
      denied.invoke({
        id: 'test:request-maturity-exemption',
        input,
        credentials: mockCredentials.user('user:default/ana'),
      }),
    ).rejects.toThrow(/maturity\.scorecard\.read/);
    expect(requests).toHaveLength(1);
  });
});
