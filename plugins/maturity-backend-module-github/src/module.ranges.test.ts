import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { SchedulerServiceTaskInvocationDefinition } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
// The real plugin: its sink, store, commit links and lead-time metric.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import maturityPlugin from '@maturity-for-backstage/backstage-plugin-maturity-backend';
import { graphql, http } from 'msw';
import { setupServer } from 'msw/node';
import pulls from './__fixtures__/pulls.json';
import {
  GRAPHQL_API,
  REPO_API,
  githubHandlers,
  graphqlAnswer,
  integrationsConfig,
  pullRequestNodesAnswer,
  restAnswer,
} from './__testUtils__/githubApi';
import {
  compareHandlers,
  deploymentHandlers,
  deploymentPayload,
  deploymentStatusPayload,
  mergeCommits,
  sha,
} from './__testUtils__/deploymentRanges';
import { GITHUB_SYNC_TASK_ID } from './GithubSource';
import { maturityModuleGithub } from './module';

jest.setTimeout(30_000);

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The release: it finished a day ago, in every evaluation window. */
const T = Math.floor((Date.now() - DAY) / HOUR) * HOUR;
const at = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** The release before it, ten days earlier. */
const BASE = sha('release before');
/**
 * Pull request #5k (k = 1..5) opened (its first commit authored then) at
 * T − (k+1) days and merged at T − k days.
 */
const NUMBERS = [51, 52, 53, 54, 55];
const k = (n: number) => n - 50;
// On top of BASE in merge order, #55 first: oldest first, as compare lists
// them; the release deployed #51's merge.
const RANGE = mergeCommits(BASE, [...NUMBERS].reverse(), n =>
  at(T - k(n) * DAY),
);
const HEAD = RANGE[4].sha;

const pullRequests = NUMBERS.map(n => ({
  ...pulls[0],
  number: n,
  node_id: `PR_${n}`,
  title: `Feature ${n}`,
  body: '',
  labels: [],
  created_at: at(T - (k(n) + 1) * DAY),
  updated_at: at(T - k(n) * DAY),
  closed_at: at(T - k(n) * DAY),
  merged_at: at(T - k(n) * DAY),
  merge_commit_sha: sha(`M${n}`),
  head: { ...pulls[0].head, sha: sha(`branch ${n}`) },
  html_url: `https://github.com/acme/shop/pull/${n}`,
}));
const pullRequestNodes = NUMBERS.map(n => ({
  id: `PR_${n}`,
  number: n,
  reviews: { nodes: [] },
  commits: {
    nodes: [
      {
        commit: {
          oid: sha(`branch ${n}`),
          authoredDate: at(T - (k(n) + 1) * DAY),
        },
      },
    ],
  },
  files: {
    pageInfo: { hasNextPage: false, endCursor: 'MQ' },
    nodes: [{ path: 'src/cart.ts' }],
  },
}));

const server = setupServer();
beforeAll(() =>
  server.listen({
    onUnhandledRequest: (request, print) => {
      if (new URL(request.url).hostname !== 'localhost') print.error();
    },
  }),
);
beforeEach(() => {
  const seen: any[] = [];
  // The first handler that answers wins: these before the fixtures'.
  server.resetHandlers(
    http.get(
      `${REPO_API}/pulls`,
      restAnswer(seen, () => pullRequests),
    ),
    graphql
      .link(GRAPHQL_API)
      .query(
        'PullRequestDetails',
        graphqlAnswer(seen, pullRequestNodesAnswer(pullRequestNodes)),
      ),
    // Nothing pushed outside the pull requests.
    http.get(
      `${REPO_API}/commits`,
      restAnswer(seen, () => []),
    ),
    ...deploymentHandlers(
      seen,
      [
        deploymentPayload(4001, BASE, 'production', at(T - 10 * DAY - HOUR)),
        deploymentPayload(4002, HEAD, 'production', at(T - HOUR)),
      ],
      {
        4001: [
          deploymentStatusPayload(4001, 12, 'inactive', at(T)),
          deploymentStatusPayload(4001, 11, 'success', at(T - 10 * DAY)),
        ],
        4002: [deploymentStatusPayload(4002, 21, 'success', at(T))],
      },
    ),
    ...compareHandlers(seen, {
      [`${BASE}...${HEAD}`]: { status: 'ahead', commits: RANGE },
    }),
    ...githubHandlers(seen),
  );
});
afterAll(() => server.close());

describe('maturityModuleGithub with the Maturity backend', () => {
  it('gives each of five pull requests shipped by one deployment a lead time', async () => {
    const scheduler = mockServices.scheduler.mock();
    const backend = await startTestBackend({
      features: [
        maturityPlugin,
        maturityModuleGithub,
        scheduler.factory,
        catalogServiceMock.factory({
          entities: [
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Component',
              metadata: {
                name: 'checkout-api',
                namespace: 'default',
                annotations: { 'github.com/project-slug': 'acme/shop' },
              },
              spec: {
                type: 'service',
                lifecycle: 'production',
                owner: 'group:payments',
              },
            },
          ],
        }),
        mockServices.rootConfig.factory({
          data: { integrations: integrationsConfig },
        }),
      ],
    });
    const task = scheduler.scheduleTask.mock.calls
      .map(([t]) => t as SchedulerServiceTaskInvocationDefinition)
      .find(t => t.id === GITHUB_SYNC_TASK_ID)!;
    await task.fn(new AbortController().signal);

    const api = `http://localhost:${backend.server.port()}/api/maturity/v1/entities/component/default/checkout-api`;
    const headers = { Authorization: mockCredentials.user.header() };
    const refreshed = await fetch(`${api}/refresh`, {
      method: 'POST',
      headers,
    });
    expect(refreshed.status).toBe(200);
    const metrics = await (await fetch(`${api}/metrics`, { headers })).json();

    // Lead times (k+1) days: 48, 72, 96, 120 and 144 hours; median 96.
    expect(metrics.metrics.lead_time).toMatchObject({
      status: 'ok',
      sampleSize: 5,
      value: 96,
    });
  });
});
