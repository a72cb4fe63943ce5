import { Rollup } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { ScorecardPage } from '../api/MaturityApi';

/**
 * Rollups and scorecard summaries of a small organisation, shaped like the
 * backend's responses: `group:default/acme` at the root with two teams.
 */
export const orgRollup: Rollup = {
  scopeRef: 'org',
  scopeKind: 'org',
  entityCount: 38,
  computedAt: '2026-11-23T11:30:10.000Z',
  kinds: ['component', 'resource'],
  childKind: 'group',
  overall: { distribution: [0, 16, 16, 6, 0, 0], median: 2 },
  categories: {
    culture: { distribution: [2, 10, 20, 2, 0, 4], median: 2 },
    design: { distribution: [0, 20, 11, 0, 2, 5], median: 1 },
    'build-deploy': { distribution: [0, 10, 17, 11, 0, 0], median: 2 },
    test: { distribution: [8, 9, 21, 0, 0, 0], median: 2 },
    information: { distribution: [0, 14, 19, 5, 0, 0], median: 2 },
  },
  deliveryBands: { elite: 1, high: 1, medium: 3, low: 0, none: 0, unknown: 33 },
  mostFailedChecks: [
    { checkId: 'build-deploy.4.zero-downtime', failed: 38, applicable: 38 },
    { checkId: 'test.3.tests-required', failed: 38, applicable: 38 },
    { checkId: 'design.5.gitops', failed: 33, applicable: 38 },
  ],
  movers: {
    improved: [{ entityRef: 'component:default/checkout-api', from: 1, to: 2 }],
    dropped: [
      { entityRef: 'component:default/ledger-service', from: 3, to: 2 },
    ],
  },
  children: [
    {
      scopeRef: 'group:default/acme',
      entityCount: 38,
      overallMedian: 2,
      categoryMedians: {
        culture: 2,
        design: 1,
        'build-deploy': 2,
        test: 2,
        information: 2,
      },
    },
  ],
};

export const acmeRollup: Rollup = {
  ...orgRollup,
  scopeRef: 'group:default/acme',
  scopeKind: 'group',
  kinds: undefined,
  groupRefs: [
    'group:default/acme',
    'group:default/payments',
    'group:default/web-experience',
  ],
  children: [
    {
      scopeRef: 'group:default/payments',
      entityCount: 12,
      overallMedian: 2.5,
      categoryMedians: {
        culture: 3,
        design: 2,
        'build-deploy': 3,
        test: 2,
        information: 2,
      },
    },
    {
      scopeRef: 'group:default/web-experience',
      entityCount: 26,
      overallMedian: 1,
      categoryMedians: {
        culture: 1,
        design: 1,
        'build-deploy': 2,
        test: null,
        information: 1,
      },
    },
  ],
};

/**
 * The rollup of a team with ML entities: MLOps levels 0, 0, 1, 2 → median
 * 0.5, as the backend computes it.
 */
export const mlTeamRollup: Rollup = {
  ...acmeRollup,
  scopeRef: 'group:default/ml-platform',
  groupRefs: ['group:default/ml-platform'],
  entityCount: 5,
  mlops: {
    entityCount: 4,
    distribution: [2, 1, 1],
    median: 0.5,
    mostFailedChecks: [
      { checkId: 'mlops.2.drift-monitoring', failed: 3, applicable: 4 },
      { checkId: 'mlops.1.experiment-tracking', failed: 2, applicable: 4 },
    ],
  },
};

export const emptyRollup: Rollup = {
  scopeRef: 'system:default/empty',
  scopeKind: 'system',
  entityCount: 0,
  computedAt: '2026-11-23T11:30:10.000Z',
  overall: { distribution: [0, 0, 0, 0, 0, 0], median: null },
  categories: {
    culture: { distribution: [0, 0, 0, 0, 0, 0], median: null },
    design: { distribution: [0, 0, 0, 0, 0, 0], median: null },
    'build-deploy': { distribution: [0, 0, 0, 0, 0, 0], median: null },
    test: { distribution: [0, 0, 0, 0, 0, 0], median: null },
    information: { distribution: [0, 0, 0, 0, 0, 0], median: null },
  },
  deliveryBands: { elite: 0, high: 0, medium: 0, low: 0, none: 0, unknown: 0 },
  mostFailedChecks: [],
  movers: { improved: [], dropped: [] },
  children: [],
};

export const scorecardPage: ScorecardPage = {
  totalCount: 38,
  items: [
    {
      entityRef: 'component:default/account-portal-web',
      kind: 'component',
      type: 'website',
      lifecycle: 'production',
      ownerRef: 'group:default/web-experience',
      systemRef: 'system:default/storefront',
      domainRef: 'domain:default/commerce',
      title: 'account-portal-web',
      overallLevel: 2,
      categoryLevels: {
        culture: 1,
        design: 1,
        'build-deploy': 2,
        test: 2,
        information: 2,
      },
      deliveryBand: null,
      imbalanced: false,
      mlopsLevel: null,
      rubricVersion: '2026.11-c205e843',
      evaluatedAt: '2026-11-23T11:25:22.193Z',
      checkStates: {},
    },
    {
      entityRef: 'component:default/checkout-api',
      kind: 'component',
      type: 'service',
      lifecycle: 'production',
      ownerRef: 'group:default/payments',
      systemRef: 'system:default/storefront',
      domainRef: 'domain:default/commerce',
      title: 'Checkout API',
      overallLevel: 2,
      categoryLevels: {
        culture: 2,
        design: 2,
        'build-deploy': 2,
        test: 2,
        information: 2,
      },
      deliveryBand: 'medium',
      imbalanced: false,
      mlopsLevel: null,
      rubricVersion: '2026.11-c205e843',
      evaluatedAt: '2026-11-23T11:30:00.000Z',
      checkStates: {},
    },
  ],
};
