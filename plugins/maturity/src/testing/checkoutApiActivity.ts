import {
  defaultRubric,
  EntityActivitySummary,
  MaturityEventPage,
  MaturityEventType,
  StoredMaturityEvent,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import {
  GetEntityEventsOptions,
  MaturityApi,
  MaturityEntityRef,
  MaturityTimeWindow,
} from '../api/MaturityApi';
import {
  checkoutApiExemptions,
  checkoutApiHistory,
  checkoutApiMetrics,
  checkoutApiScorecard,
} from './checkoutApiScorecard';
import { orgRollup, scorecardPage } from './rollupFixtures';

/**
 * Test data for `component:default/checkout-api`, shaped like the backend's
 * responses. "Now" is {@link NOW}; pin `Date.now` to it for stable relative
 * times.
 */
export const NOW = '2026-11-23T12:00:00.000Z';

export const ENTITY_REF = 'component:default/checkout-api';

const stored = {
  ingestedAt: '2026-11-23T11:00:00.000Z',
};

export const checkoutApiEvents: StoredMaturityEvent[] = [
  {
    id: 'dep-2',
    type: 'deployment',
    source: 'argocd',
    entityRef: ENTITY_REF,
    externalId: 'checkout-api-prod-412',
    environment: 'production',
    commitSha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
    status: 'success',
    reason: 'hotfix',
    automated: false,
    startedAt: '2026-11-23T09:00:00.000Z',
    finishedAt: '2026-11-23T09:04:00.000Z',
    url: 'https://argocd.example.com/applications/checkout-api?rev=412',
    occurredAt: '2026-11-23T09:04:00.000Z',
    updatedAt: '2026-11-23T09:04:00.000Z',
    ...stored,
  },
  {
    id: 'dep-1',
    type: 'deployment',
    source: 'argocd',
    entityRef: ENTITY_REF,
    externalId: 'checkout-api-staging-411',
    environment: 'staging',
    commitSha: 'ffeeddccbbaa99887766554433221100ffeeddcc',
    status: 'failure',
    reason: 'planned',
    automated: true,
    startedAt: '2026-11-21T12:00:00.000Z',
    finishedAt: '2026-11-21T12:06:00.000Z',
    occurredAt: '2026-11-21T12:06:00.000Z',
    updatedAt: '2026-11-21T12:06:00.000Z',
    ...stored,
  },
  {
    id: 'build-2',
    type: 'build',
    source: 'github',
    entityRef: ENTITY_REF,
    externalId: '9001',
    pipeline: 'ci.yaml',
    branch: 'main',
    isDefaultBranch: true,
    commitSha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
    trigger: 'push',
    status: 'running',
    startedAt: '2026-11-23T11:50:00.000Z',
    steps: ['build', 'unit-test'],
    url: 'https://github.com/acme/checkout-api/actions/runs/9001',
    occurredAt: '2026-11-23T11:50:00.000Z',
    updatedAt: '2026-11-23T11:50:00.000Z',
    ...stored,
  },
  {
    id: 'build-1',
    type: 'build',
    source: 'github',
    entityRef: ENTITY_REF,
    externalId: '9000',
    pipeline: 'ci.yaml',
    branch: 'fix/rounding',
    isDefaultBranch: false,
    trigger: 'pull_request',
    status: 'failure',
    startedAt: '2026-11-22T08:00:00.000Z',
    finishedAt: '2026-11-22T08:12:30.000Z',
    occurredAt: '2026-11-22T08:00:00.000Z',
    updatedAt: '2026-11-22T08:12:30.000Z',
    ...stored,
  },
  {
    id: 'change-2',
    type: 'change',
    source: 'github',
    entityRef: ENTITY_REF,
    externalId: '318',
    kind: 'pull_request',
    state: 'merged',
    title: 'Round tax per line item',
    author: 'jdoe',
    targetBranch: 'main',
    sha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
    authoredAt: '2026-11-20T09:00:00.000Z',
    openedAt: '2026-11-20T10:00:00.000Z',
    firstReviewAt: '2026-11-20T14:00:00.000Z',
    mergedAt: '2026-11-21T13:30:00.000Z',
    reviewCount: 2,
    url: 'https://github.com/acme/checkout-api/pull/318',
    occurredAt: '2026-11-21T13:30:00.000Z',
    updatedAt: '2026-11-21T13:30:00.000Z',
    ...stored,
  },
  {
    id: 'change-1',
    type: 'change',
    source: 'github',
    entityRef: ENTITY_REF,
    externalId: '320',
    kind: 'pull_request',
    state: 'open',
    title: 'Retry payment capture on timeout',
    author: 'asmith',
    openedAt: '2026-11-22T16:00:00.000Z',
    occurredAt: '2026-11-22T16:00:00.000Z',
    updatedAt: '2026-11-22T16:00:00.000Z',
    ...stored,
  },
  {
    id: 'incident-2',
    type: 'incident',
    source: 'pagerduty',
    entityRef: ENTITY_REF,
    externalId: 'Q1ABCDEF',
    title: 'Checkout error rate above 5%',
    status: 'triggered',
    urgency: 'high',
    triggeredAt: '2026-11-23T10:00:00.000Z',
    url: 'https://acme.pagerduty.com/incidents/Q1ABCDEF',
    occurredAt: '2026-11-23T10:00:00.000Z',
    updatedAt: '2026-11-23T10:00:00.000Z',
    ...stored,
  },
  {
    id: 'incident-1',
    type: 'incident',
    source: 'pagerduty',
    entityRef: ENTITY_REF,
    externalId: 'Q0ZYXWVU',
    title: 'Slow cart totals',
    status: 'resolved',
    urgency: 'low',
    triggeredAt: '2026-11-18T08:00:00.000Z',
    acknowledgedAt: '2026-11-18T08:05:00.000Z',
    resolvedAt: '2026-11-18T10:15:00.000Z',
    occurredAt: '2026-11-18T08:00:00.000Z',
    updatedAt: '2026-11-18T10:15:00.000Z',
    ...stored,
  },
  {
    id: 'fact-1',
    type: 'repo_fact',
    source: 'github',
    entityRef: ENTITY_REF,
    fact: 'codeowners',
    value: true,
    observedAt: '2026-11-23T06:00:00.000Z',
    occurredAt: '2026-11-23T06:00:00.000Z',
    updatedAt: '2026-11-23T06:00:00.000Z',
    ...stored,
  },
  {
    id: 'fact-2',
    type: 'repo_fact',
    source: 'github',
    entityRef: ENTITY_REF,
    fact: 'branch_protection',
    value: false,
    observedAt: '2026-11-23T06:00:00.000Z',
    occurredAt: '2026-11-23T06:00:00.000Z',
    updatedAt: '2026-11-23T06:00:00.000Z',
    ...stored,
  },
];

export const checkoutApiSummary: EntityActivitySummary = {
  entityRef: ENTITY_REF,
  from: '2026-08-25T12:00:00.000Z',
  to: NOW,
  counts: { deployment: 42, build: 2, change: 17, incident: 2, repo_fact: 2 },
  latest: {
    deployment: '2026-11-23T09:04:00.000Z',
    build: '2026-11-23T11:50:00.000Z',
    change: '2026-11-22T16:00:00.000Z',
    incident: '2026-11-23T10:00:00.000Z',
    repo_fact: '2026-11-23T06:00:00.000Z',
  },
};

export const emptySummary: EntityActivitySummary = {
  entityRef: ENTITY_REF,
  from: '2026-08-25T12:00:00.000Z',
  to: NOW,
  counts: { deployment: 0, build: 0, change: 0, incident: 0, repo_fact: 0 },
  latest: {},
};

/**
 * A {@link MaturityApi} answering from memory the way the backend does:
 * events filtered by type, newest first, cut at `limit`; events by id in the
 * order of the ids, in the window; the scorecard
 * fixtures of checkout-api and the rollup fixtures for everything else.
 * `overrides` replaces single methods.
 */
export function createFakeMaturityApi(
  summary: EntityActivitySummary = checkoutApiSummary,
  events: StoredMaturityEvent[] = checkoutApiEvents,
  overrides: Partial<MaturityApi> = {},
): jest.Mocked<MaturityApi> {
  const api: MaturityApi = {
    getScorecard: async () => checkoutApiScorecard,
    getMetrics: async () => checkoutApiMetrics,
    getHistory: async () => ({ items: checkoutApiHistory }),
    refreshScorecard: async () => checkoutApiScorecard,
    listExemptions: async () => ({ items: checkoutApiExemptions }),
    listExemptionEvents: async () => ({ items: [] }),
    createExemption: async (_entityRef, request) => ({
      id: 'ex-new',
      entityRef: ENTITY_REF,
      status: 'requested',
      author: 'user:default/guest',
      createdAt: NOW,
      ...request,
    }),
    approveExemption: async id => ({
      ...checkoutApiExemptions[0],
      id,
      status: 'approved',
    }),
    denyExemption: async id => ({
      ...checkoutApiExemptions[0],
      id,
      status: 'denied',
    }),
    withdrawExemption: async id => ({
      ...checkoutApiExemptions[0],
      id,
      status: 'withdrawn',
    }),
    revokeExemption: async () => undefined,
    listScorecards: async () => scorecardPage,
    exportScorecardsCsv: async () =>
      'entityRef,overallLevel\ncomponent:default/checkout-api,2\n',
    getOrgRollup: async () => orgRollup,
    getRollup: async () => orgRollup,
    // The active rubric's version, without checks: titles come from the ids.
    getRubric: async () => ({
      ...defaultRubric,
      version: checkoutApiScorecard.rubricVersion,
      categories: [],
      mlops: { ...defaultRubric.mlops, levels: [] },
    }),
    // No campaigns unless a test gives some.
    listCampaigns: async () => ({ items: [], totalCount: 0 }),
    listEntityCampaigns: async () => ({ items: [] }),
    ...overrides,
  } as MaturityApi;
  const mocked = Object.fromEntries(
    Object.entries(api).map(([name, fn]) => [name, jest.fn(fn)]),
  ) as unknown as jest.Mocked<MaturityApi>;
  return {
    ...mocked,
    getEntityActivity: jest.fn(
      async (_entityRef: MaturityEntityRef, _window?: MaturityTimeWindow) =>
        summary,
    ),
    getEntityEvents: jest.fn(
      async (
        _entityRef: MaturityEntityRef,
        options: GetEntityEventsOptions = {},
      ): Promise<MaturityEventPage> => {
        const types: MaturityEventType[] = options.types ?? [];
        const items = events
          .filter(event => types.length === 0 || types.includes(event.type))
          .sort((a, b) => b.occurredAt.localeCompare(a.occurredAt))
          .slice(0, options.limit ?? 20);
        return { items };
      },
    ),
    getEntityEventsById: jest.fn(
      async (
        _entityRef: MaturityEntityRef,
        ids: string[],
        window: MaturityTimeWindow = {},
      ) => ({
        items: ids.flatMap(id =>
          events.filter(
            event =>
              event.id === id &&
              (!window.from || event.occurredAt >= window.from) &&
              (!window.to || event.occurredAt < window.to),
          ),
        ),
      }),
    ),
  };
}
