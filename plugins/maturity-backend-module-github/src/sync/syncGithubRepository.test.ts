import { mockServices } from '@backstage/backend-test-utils';
import { HttpResponse, graphql, http } from 'msw';
import { setupServer } from 'msw/node';
import { GithubClient } from '../api/GithubClient';
import { GithubRepository } from '../catalog/readRepositoryMap';
import commits from '../__fixtures__/commits.json';
import pullRequestNodes from '../__fixtures__/pullRequestNodes.json';
import pulls from '../__fixtures__/pulls.json';
import tree from '../__fixtures__/tree.json';
import { RecordingSink } from '@maturity-for-backstage/backstage-plugin-maturity-node/testUtils';
import { ConfigReader } from '@backstage/config';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import { SourceEvent } from '@maturity-for-backstage/backstage-plugin-maturity-node';
import {
  ENTITY,
  GITHUB_TOKEN,
  GRAPHQL_API,
  RATE_LIMIT_RESET,
  REPO_API,
  SeenRequest,
  credentials,
  githubHandlers,
  graphqlAnswer,
  primaryRateLimited,
  pullRequestNodesAnswer,
  rateLimitHeaders,
  repository,
  restAnswer,
  secondaryRateLimited,
} from '../__testUtils__/githubApi';
import { readPullDetails } from '../events/changes/readPullRequestDetails';
import { syncGithubRepositories } from './syncGithubRepositories';

jest.setTimeout(20_000);

const NOW = new Date('2026-11-20T12:00:00Z');
const LOOKBACK_START = '2026-08-22T12:00:00.000Z';

const seen: SeenRequest[] = [];
const waits: number[] = [];
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  seen.length = 0;
  waits.length = 0;
  server.resetHandlers(...githubHandlers(seen));
});
afterAll(() => server.close());

const client = new GithubClient({
  credentials,
  // Long enough that a loaded CI machine never times out a prompt answer.
  timeoutMs: 1_000,
  backoffMs: 10,
  sleep: async ms => {
    waits.push(ms);
  },
  random: () => 0.5,
  now: () => RATE_LIMIT_RESET * 1000 - 30_000,
});
const logger = mockServices.logger.mock();

async function sync(
  sink: RecordingSink,
  options: { now?: Date; repo?: GithubRepository } = {},
) {
  const repo = options.repo ?? repository;
  const [result] = await syncGithubRepositories({
    client,
    sink,
    repositories: new Map([[repo.scope, repo]]),
    logger,
    initialLookbackDays: 90,
    maxConcurrency: 2,
    now: options.now ?? NOW,
  });
  return result;
}

const HOUR = 60 * 60 * 1000;
const factsOf = (sink: RecordingSink, entityRef = ENTITY) =>
  Object.fromEntries(
    [...sink.events.values()]
      .filter(e => e.type === 'repo_fact' && e.entityRef === entityRef)
      .map(e => [(e as any).fact, (e as any).value]),
  );

const paths = () => seen.map(r => r.path.replace('/repos/acme/shop', ''));
const snapshot = (sink: RecordingSink) =>
  JSON.stringify([...sink.events.entries()].sort());

describe('syncGithubRepository', () => {
  it('writes runs, deployments, pull requests, direct pushes and facts, then moves the cursor', async () => {
    const sink = new RecordingSink();
    const result = await sync(sink);
    expect(result.error).toBeUndefined();

    const runsCall = seen.find(r => r.path.endsWith('/actions/runs'))!;
    expect(runsCall.query.get('created')).toBe(`>=${LOOKBACK_START}`);
    expect(runsCall.headers.get('authorization')).toBe(
      `Bearer ${GITHUB_TOKEN}`,
    );
    expect(runsCall.headers.get('accept')).toBe('application/vnd.github+json');
    // Both run pages; jobs only for the two completed runs.
    expect(paths().filter(p => p === '/actions/runs')).toHaveLength(2);
    expect(
      paths()
        .filter(p => p.endsWith('/jobs'))
        .sort(),
    ).toEqual(['/actions/runs/30433640/jobs', '/actions/runs/30433641/jobs']);
    // Reviews, commits and files of both pull requests: one GraphQL query.
    const details = seen.filter(r => r.operation === 'PullRequestDetails');
    expect(details.map(r => r.variables)).toEqual([
      { ids: ['PR_42', 'PR_43'] },
    ]);
    expect(details[0].headers.get('authorization')).toBe(
      `Bearer ${GITHUB_TOKEN}`,
    );
    expect(paths().some(p => p.startsWith('/pulls/'))).toBe(false);

    expect(sink.events.get(`build:30433641 ${ENTITY}`)).toEqual({
      type: 'build',
      externalId: `30433641 ${ENTITY}`,
      entityRef: ENTITY,
      pipeline: 'CI',
      branch: 'main',
      isDefaultBranch: true,
      commitSha: '7638417db6d59f3c431d3e1f261cc637155684cd',
      trigger: 'push',
      status: 'success',
      startedAt: '2026-11-20T10:00:05Z',
      finishedAt: '2026-11-20T10:06:30Z',
      steps: ['build', 'unit-test', 'lint', 'coverage', 'publish'],
      updatedAt: '2026-11-20T10:06:30Z',
      url: 'https://github.com/acme/shop/actions/runs/30433641',
    });
    expect(sink.events.get(`build:30433642 ${ENTITY}`)).toMatchObject({
      status: 'running',
      trigger: 'pull_request',
      isDefaultBranch: false,
    });
    expect(sink.events.get(`build:30433642 ${ENTITY}`)).not.toHaveProperty(
      'finishedAt',
    );
    expect(sink.events.get(`build:30433640 ${ENTITY}`)).toMatchObject({
      status: 'failure',
      trigger: 'schedule',
    });

    expect(sink.events.get(`deployment:1002 ${ENTITY}`)).toEqual({
      type: 'deployment',
      externalId: `1002 ${ENTITY}`,
      entityRef: ENTITY,
      environment: 'production',
      commitSha: '7638417db6d59f3c431d3e1f261cc637155684cd',
      status: 'success',
      automated: true,
      startedAt: '2026-11-20T10:10:00Z',
      finishedAt: '2026-11-20T10:15:00Z',
      updatedAt: '2026-11-20T10:15:00Z',
      url: 'https://github.com/acme/shop/actions/runs/30433641',
    });
    expect(sink.events.get(`deployment:1001 ${ENTITY}`)).toMatchObject({
      environment: 'staging',
      status: 'in_progress',
      reason: 'rollback',
      automated: false,
    });

    expect(sink.events.get(`change:acme/shop#42 ${ENTITY}`)).toEqual({
      type: 'change',
      externalId: `acme/shop#42 ${ENTITY}`,
      entityRef: ENTITY,
      kind: 'pull_request',
      state: 'merged',
      title: 'Add cart totals',
      author: 'octocat',
      targetBranch: 'main',
      sha: '7638417db6d59f3c431d3e1f261cc637155684cd',
      commitShas: [
        'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
        'e5bd3914e2e596debea16f433f57875b5b90bcd6',
      ],
      authoredAt: '2026-11-17T15:00:00Z',
      openedAt: '2026-11-18T09:00:00Z',
      firstReviewAt: '2026-11-19T10:00:00Z',
      approvedAt: '2026-11-20T08:00:00Z',
      mergedAt: '2026-11-20T09:30:00Z',
      closedAt: '2026-11-20T09:30:00Z',
      reviewCount: 2,
      isRevert: false,
      labels: ['feature'],
      linkedIssues: ['SHOP-123', '#17'],
      updatedAt: '2026-11-20T09:30:00Z',
      url: 'https://github.com/acme/shop/pull/42',
      touchesSource: true,
      touchesTests: true,
    });
    expect(sink.events.get(`change:acme/shop#43 ${ENTITY}`)).toMatchObject({
      state: 'open',
      isRevert: true,
      revertsSha: '7638417db6d59f3c431d3e1f261cc637155684cd',
    });

    // The squash-merged commit came through #42; the other was pushed.
    expect(
      sink.events.has(
        `change:acme/shop@7638417db6d59f3c431d3e1f261cc637155684cd ${ENTITY}`,
      ),
    ).toBe(false);
    expect(
      sink.events.get(
        `change:acme/shop@f00dfacef00dfacef00dfacef00dfacef00dface ${ENTITY}`,
      ),
    ).toMatchObject({
      kind: 'commit',
      state: 'merged',
      directPush: true,
      mergedAt: '2026-11-19T20:01:00Z',
      authoredAt: '2026-11-19T20:00:00Z',
      targetBranch: 'main',
    });

    const facts = Object.fromEntries(
      [...sink.events.values()]
        .filter(e => e.type === 'repo_fact')
        .map(e => [(e as any).fact, (e as any).value]),
    );
    expect(facts).toMatchObject({
      codeowners: true,
      lockfile: true,
      dependabot: false,
      'ci-config': true,
      'ci-system': 'github-actions',
      'build-file': true,
      dockerfile: true,
      tests: true,
      iac: false,
      'branch-protection': true,
      'branch-protection-required-checks': true,
      // The required check `ci/test` is a test.
      'tests-required-checks': true,
      // v1.4.0 is published; the draft does not count.
      'versioned-releases': true,
      // old-experiment, release/2025.10 and spike/cart-cache, over two pages.
      'stale-branches': 3,
    });

    const cursor = JSON.parse(sink.cursors.get('acme/shop')!);
    expect(cursor).toMatchObject({
      // The unfinished run is read again until it completes.
      runs: '2026-11-20T11:00:00Z',
      deployments: '2026-11-20T10:10:00Z',
      pulls: '2026-11-20T11:00:00Z',
      commits: '2026-11-20T09:30:00Z',
      pendingDeployments: [1001],
      staleBranches: { count: 3, countedAt: NOW.toISOString() },
    });
  });

  it('is incremental: the second run reads from the cursor and answers 304 change nothing', async () => {
    const sink = new RecordingSink();
    await sync(sink);
    const before = snapshot(sink);
    const writes = sink.writes.length;
    seen.length = 0;

    const result = await sync(sink);
    expect(result).toMatchObject({ created: 0, updated: 0 });
    expect(result.error).toBeUndefined();
    expect(snapshot(sink)).toBe(before);
    const runsCall = seen.find(r => r.path.endsWith('/actions/runs'))!;
    expect(runsCall.query.get('created')).toBe('>=2026-11-20T11:00:00Z');
    const commitsCall = seen.find(r => r.path.endsWith('/commits'))!;
    expect(commitsCall.query.get('since')).toBe('2026-11-20T09:30:00Z');
    // Conditional requests: unchanged lists, tree, protection, rules and
    // releases answer 304 (no rate limit spent); no pull request query.
    for (const path of [
      '/deployments',
      '/pulls',
      '/git/trees/main',
      '/branches/main/protection',
      '/rules/branches/main',
      '/releases',
    ]) {
      const call = seen.find(r => r.path.endsWith(path))!;
      expect(call.headers.get('if-none-match')).toMatch(/^W\//);
      expect(call.status).toBe(304);
    }
    expect(paths()).not.toContain('/tags');
    // Stale branches were counted less than 12 hours ago.
    expect(seen.some(r => r.path === '/graphql')).toBe(false);
    // The unfinished deployment's statuses are read again.
    expect(paths()).toContain('/deployments/1001');
    expect(paths()).toContain('/deployments/1001/statuses');
    // Facts did not change: not written again.
    expect(
      sink.writes
        .slice(writes)
        .flat()
        .some(e => e.type === 'repo_fact'),
    ).toBe(false);
  });

  it('resumes without duplicates after a crash on page 2', async () => {
    server.use(
      http.get(`${REPO_API}/actions/runs`, ({ request }) =>
        new URL(request.url).searchParams.get('page') === '2'
          ? HttpResponse.json({ message: 'Forbidden' }, { status: 403 })
          : undefined,
      ),
    );
    const sink = new RecordingSink();
    const crashed = await sync(sink);
    expect(crashed.error?.message).toMatch(/answered 403: Forbidden/);
    expect(sink.cursors.has('acme/shop')).toBe(false);
    expect(sink.events.has(`build:30433641 ${ENTITY}`)).toBe(true);

    server.resetHandlers(...githubHandlers(seen));
    const resumed = await sync(sink);
    expect(resumed.error).toBeUndefined();
    expect(sink.cursors.has('acme/shop')).toBe(true);
    const builds = [...sink.events.keys()].filter(k => k.startsWith('build:'));
    expect(builds.sort()).toEqual([
      `build:30433640 ${ENTITY}`,
      `build:30433641 ${ENTITY}`,
      `build:30433642 ${ENTITY}`,
    ]);
    // The page-1 runs were replays: unchanged, not created again.
    expect(resumed.unchanged).toBeGreaterThan(0);
  });

  it('leaves branch protection unset without admin rights, warning once', async () => {
    server.use(
      http.get(`${REPO_API}/branches/:branch/protection`, () =>
        HttpResponse.json(
          { message: 'Resource not accessible by integration' },
          { status: 403 },
        ),
      ),
    );
    const sink = new RecordingSink();
    const warned = new Set<string>();
    const run = () =>
      syncGithubRepositories({
        client,
        sink,
        repositories: new Map([[repository.scope, repository]]),
        logger,
        initialLookbackDays: 90,
        maxConcurrency: 1,
        now: NOW,
        warnedProtection: warned,
      });
    logger.warn.mockClear();
    await run();
    await run();
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(
      [...sink.events.values()].some(
        e => e.type === 'repo_fact' && e.fact.startsWith('branch-protection'),
      ),
    ).toBe(false);
  });

  it('scopes pull requests, commits and file facts to an entity path in a monorepo', async () => {
    const CHECKOUT = 'component:default/checkout-api';
    const SHOP = 'system:default/shop';
    const monorepo: GithubRepository = {
      ...repository,
      entities: [
        { entityRef: CHECKOUT, path: 'services/checkout' },
        { entityRef: SHOP },
      ],
    };
    const blob = tree.tree.find(e => e.type === 'blob')!;
    server.use(
      graphql.link(GRAPHQL_API).query(
        'PullRequestDetails',
        graphqlAnswer(
          seen,
          pullRequestNodesAnswer([
            {
              ...pullRequestNodes[0],
              files: {
                pageInfo: { hasNextPage: false, endCursor: 'Mg' },
                nodes: [
                  { path: 'services/checkout/src/pay.ts' },
                  { path: 'services/checkout/src/pay.test.ts' },
                ],
              },
            },
            {
              ...pullRequestNodes[1],
              files: {
                pageInfo: { hasNextPage: false, endCursor: 'MQ' },
                nodes: [{ path: 'docs/README.md' }],
              },
            },
          ]),
        ),
      ),
      // GitHub filters the default-branch commits by path.
      http.get(
        `${REPO_API}/commits`,
        restAnswer(seen, url =>
          url.searchParams.get('path') === 'services/checkout'
            ? commits.filter(c => c.sha.startsWith('f00d'))
            : commits,
        ),
      ),
      http.get(
        `${REPO_API}/git/trees/:ref`,
        restAnswer(seen, () => ({
          ...tree,
          tree: [
            ...tree.tree.filter(e => !e.path.startsWith('src')),
            ...[
              'services/checkout/Dockerfile',
              'services/checkout/src/pay.ts',
              'services/cart/src/cart.test.ts',
              'infra/main.tf',
            ].map(path => ({ ...blob, path })),
          ],
        })),
      ),
    );
    const sink = new RecordingSink();
    const result = await sync(sink, { repo: monorepo });
    expect(result.error).toBeUndefined();

    // One commit list for the whole repository, one for the path.
    expect(
      seen
        .filter(r => r.path.endsWith('/commits'))
        .map(r => r.query.get('path')),
    ).toEqual(['services/checkout', null]);
    // Files came with the GraphQL query: no request per pull request.
    expect(paths().some(p => p.startsWith('/pulls/'))).toBe(false);

    // #42 changes the path; #43 (docs) does not.
    expect(sink.events.get(`change:acme/shop#42 ${CHECKOUT}`)).toMatchObject({
      entityRef: CHECKOUT,
      state: 'merged',
      reviewCount: 2,
      touchesSource: true,
      touchesTests: true,
    });
    expect(sink.events.has(`change:acme/shop#43 ${CHECKOUT}`)).toBe(false);
    expect(sink.events.get(`change:acme/shop#43 ${SHOP}`)).toMatchObject({
      touchesSource: false,
      touchesTests: false,
    });
    // The direct push touched the path; the squash merge came through #42.
    const pushed = 'f00dfacef00dfacef00dfacef00dfacef00dface';
    for (const entity of [CHECKOUT, SHOP]) {
      expect(
        sink.events.get(`change:acme/shop@${pushed} ${entity}`),
      ).toMatchObject({ entityRef: entity, directPush: true });
      // Runs and deployments carry no path: every entity gets them.
      expect(sink.events.has(`build:30433641 ${entity}`)).toBe(true);
      expect(sink.events.has(`deployment:1002 ${entity}`)).toBe(true);
    }
    expect(
      [...sink.events.keys()].filter(k => k.startsWith('change:')),
    ).toHaveLength(5);

    // File facts under the path; CODEOWNERS and repository facts shared.
    expect(factsOf(sink, CHECKOUT)).toMatchObject({
      codeowners: true,
      dockerfile: true,
      tests: false,
      iac: false,
      'build-file': true,
      'stale-branches': 3,
      'branch-protection': true,
    });
    expect(factsOf(sink, SHOP)).toMatchObject({
      codeowners: true,
      dockerfile: true,
      tests: true,
      iac: true,
      'stale-branches': 3,
    });
    expect(result.cursor?.treeFactsByPath).toEqual({
      'services/checkout': expect.objectContaining({ tests: false }),
      '': expect.objectContaining({ tests: true }),
    });

    // Unchanged, the next run reads the tree conditionally and writes no facts.
    seen.length = 0;
    const writes = sink.writes.length;
    await sync(sink, { repo: monorepo });
    expect(seen.find(r => r.path.endsWith('/git/trees/main'))?.status).toBe(
      304,
    );
    expect(
      sink.writes
        .slice(writes)
        .flat()
        .some(e => e.type === 'repo_fact'),
    ).toBe(false);
  });

  it('reads the details of a page of 100 pull requests in one query, where REST takes 300 requests', async () => {
    const many = Array.from({ length: 100 }, (_, i) => ({
      ...pulls[0],
      number: 1000 + i,
      node_id: `PR_${1000 + i}`,
      updated_at: new Date(Date.parse(pulls[0].updated_at) - i * 60_000)
        .toISOString()
        .replace('.000Z', 'Z'),
    }));
    server.use(
      http.get(
        `${REPO_API}/pulls`,
        restAnswer(seen, () => many),
      ),
      graphql.link(GRAPHQL_API).query(
        'PullRequestDetails',
        graphqlAnswer(
          seen,
          pullRequestNodesAnswer(
            many.map(p => ({
              ...pullRequestNodes[0],
              id: p.node_id,
              number: p.number,
            })),
          ),
        ),
      ),
    );
    const sink = new RecordingSink();
    const result = await sync(sink);
    expect(result.error).toBeUndefined();
    const forPulls = seen.filter(
      r => r.path.includes('/pulls') || r.operation === 'PullRequestDetails',
    );
    expect(forPulls.map(r => r.operation ?? r.path)).toEqual([
      '/repos/acme/shop/pulls',
      'PullRequestDetails',
    ]);
    expect(sink.events.get(`change:acme/shop#1099 ${ENTITY}`)).toMatchObject({
      reviewCount: 2,
      firstReviewAt: '2026-11-19T10:00:00Z',
      authoredAt: '2026-11-17T15:00:00Z',
      touchesTests: true,
    });

    // The same details by REST (reviews, commits, files of each): 300.
    seen.length = 0;
    await Promise.all(
      many.map(p =>
        readPullDetails(
          client,
          repository,
          `/repos/acme/shop/pulls/${p.number}`,
        ),
      ),
    );
    expect(seen).toHaveLength(300);
  });

  it.each([
    [
      'a persistent 502',
      () =>
        new HttpResponse('<html>Bad gateway</html>', {
          status: 502,
        }) as any,
      /GitHub GraphQL PullRequestDetails answered 502.*\(4 attempts\)/,
    ],
    [
      'a GraphQL error',
      () =>
        HttpResponse.json<any>({
          data: { nodes: [null, null] },
          errors: [
            {
              type: 'FORBIDDEN',
              path: ['nodes', 0],
              message: 'Resource not accessible by integration',
            },
          ],
        }),
      /GitHub GraphQL PullRequestDetails answered with errors: Resource not accessible by integration/,
    ],
  ])(
    'writes no pull request and keeps the cursor when their details fail (%s)',
    async (_, fail, message) => {
      server.use(graphql.link(GRAPHQL_API).query('PullRequestDetails', fail));
      const sink = new RecordingSink();
      const result = await sync(sink);
      expect(result.error?.message).toMatch(message);
      expect(sink.cursors.has('acme/shop')).toBe(false);
      const keys = [...sink.events.keys()];
      expect(keys.some(k => k.startsWith('change:'))).toBe(false);
      expect(keys.some(k => k.startsWith('repo_fact:'))).toBe(false);
      // What came before is stored (idempotently; re-read next time).
      expect(keys.some(k => k.startsWith('build:'))).toBe(true);
    },
  );

  it('recounts stale branches after 12 hours, and a failed count stores no facts', async () => {
    const sink = new RecordingSink();
    await sync(sink);
    const branchQueries = () =>
      seen.filter(r => r.operation === 'BranchRefs').length;
    expect(branchQueries()).toBe(2);

    await sync(sink, { now: new Date(NOW.getTime() + 11 * HOUR) });
    expect(branchQueries()).toBe(2);

    // 13 hours on the count is due again; its failure changes nothing.
    const cursor = sink.cursors.get('acme/shop');
    const before = snapshot(sink);
    server.use(
      graphql.link(GRAPHQL_API).query('BranchRefs', () =>
        HttpResponse.json<any>({
          errors: [
            {
              type: 'INTERNAL',
              message:
                'Something went wrong while executing your query. Please include `ABCD:1234` when reporting this issue.',
            },
          ],
        }),
      ),
    );
    const failed = await sync(sink, {
      now: new Date(NOW.getTime() + 13 * HOUR),
    });
    expect(failed.error?.message).toMatch(
      /GitHub GraphQL BranchRefs answered with errors/,
    );
    expect(sink.cursors.get('acme/shop')).toBe(cursor);
    expect(snapshot(sink)).toBe(before);

    // Recovered, the count is taken again: 12 days on, `feature` is stale too.
    server.resetHandlers(...githubHandlers(seen));
    const later = new Date(NOW.getTime() + 12 * 24 * HOUR);
    await sync(sink, { now: later });
    expect(factsOf(sink)['stale-branches']).toBe(4);
    expect(JSON.parse(sink.cursors.get('acme/shop')!).staleBranches).toEqual({
      count: 4,
      countedAt: later.toISOString(),
    });
  });

  it('stores pull requests past the detail limit without details, and not for path-scoped entities', async () => {
    const monorepo: GithubRepository = {
      ...repository,
      entities: [
        { entityRef: ENTITY, path: 'src' },
        { entityRef: 'system:default/shop' },
      ],
    };
    const sink = new RecordingSink();
    logger.info.mockClear();
    const [result] = await syncGithubRepositories({
      client,
      sink,
      repositories: new Map([[monorepo.scope, monorepo]]),
      logger,
      initialLookbackDays: 90,
      maxConcurrency: 1,
      now: NOW,
      limits: { pullDetails: 1 },
    });
    expect(result.error).toBeUndefined();
    // The first pull request of the page alone is read in detail.
    expect(
      seen
        .filter(r => r.operation === 'PullRequestDetails')
        .map(r => r.variables),
    ).toEqual([{ ids: ['PR_42'] }]);
    expect(sink.events.get(`change:acme/shop#42 ${ENTITY}`)).toMatchObject({
      reviewCount: 2,
      touchesSource: true,
    });
    // #43 changes src/ too, but without its files that is not known.
    expect(sink.events.has(`change:acme/shop#43 ${ENTITY}`)).toBe(false);
    const shop43 = sink.events.get('change:acme/shop#43 system:default/shop');
    expect(shop43).toMatchObject({ state: 'open' });
    expect(shop43).not.toHaveProperty('reviewCount');
    expect(shop43).not.toHaveProperty('touchesSource');
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringContaining(
        'read reviews, commits and files of 1 pull requests',
      ),
    );
  });
});

/**
 * A fault of one sync, injected into the fake GitHub API (or the sink)
 * after a good sync has stored a cursor and events.
 */
interface Fault {
  inject(sink: RecordingSink): void;
}

/** How a fault answers a request. */
type FaultAnswer = (info: { request: Request }) => Response | Promise<Response>;

/** Answers the first request to `path` with `answer`, later ones normally. */
const once = (path: string, answer: FaultAnswer): Fault => ({
  inject: () => {
    let calls = 0;
    server.use(
      http.get(path, info => (++calls === 1 ? answer(info) : undefined)),
    );
  },
});

/** Answers every request to `path` with `answer`. */
const always = (path: string, answer: FaultAnswer): Fault => ({
  inject: () => server.use(http.get(path, answer)),
});

/** Answers after the client's 1 s timeout. */
const tooLate = async () => {
  await new Promise(resolve => setTimeout(resolve, 1_500));
  return HttpResponse.json({});
};

/** Makes the first sink write holding an event like `match` fail. */
const failWrite = (
  match: (event: SourceEvent) => boolean,
  error: Error,
): Fault => ({
  inject: sink => {
    const write = sink.write.bind(sink);
    let failed = false;
    sink.write = async events => {
      if (!failed && events.some(match)) {
        failed = true;
        throw error;
      }
      return write(events);
    };
  },
});

const HOUR_LATER = RATE_LIMIT_RESET + 3600;

/**
 * The fault matrix: a good sync, then the faulty one, then a good one. A
 * sync that recovers from its fault, or one that ends in failure, leaves
 * the store as it was — cursor and events (nothing lost, nothing doubled);
 * the next good sync then writes nothing new and stores the cursor a sync
 * without the fault would have.
 */
describe('syncGithubRepository faults', () => {
  /** The cursor of a second sync without a fault. */
  async function cursorOfSecondSync() {
    const clean = new RecordingSink();
    await sync(clean);
    await sync(clean);
    return clean.cursors.get('acme/shop');
  }

  async function syncThrough(fault: Fault) {
    const expectedCursor = await cursorOfSecondSync();
    const sink = new RecordingSink();
    expect((await sync(sink)).error).toBeUndefined();
    const cursor = sink.cursors.get('acme/shop');
    const events = snapshot(sink);
    expect(cursor).toBeDefined();

    fault.inject(sink);
    waits.length = 0;
    const faulty = await sync(sink);
    const faultyWaits = [...waits];
    const storedAsBefore = () => {
      expect(snapshot(sink)).toBe(events);
    };
    return {
      sink,
      cursor,
      expectedCursor,
      faulty,
      faultyWaits,
      storedAsBefore,
    };
  }

  it.each<[string, Fault, number[]]>([
    [
      'a 500, once',
      once(`${REPO_API}/pulls`, () =>
        HttpResponse.json({ message: 'Server Error' }, { status: 500 }),
      ),
      [8], // 10 ms backoff, half jittered
    ],
    [
      'a spent primary limit (403, x-ratelimit-remaining 0), once',
      once(REPO_API, () => primaryRateLimited()),
      [31_000], // The reset is 30 s after "now", plus a second of margin.
    ],
    [
      'a success that spends the primary limit, once',
      once(REPO_API, () =>
        HttpResponse.json(
          { full_name: 'acme/shop', default_branch: 'main' },
          { headers: rateLimitHeaders(0) },
        ),
      ),
      [31_000],
    ],
    [
      'a secondary limit (429, retry-after 7), once',
      once(`${REPO_API}/commits`, () =>
        secondaryRateLimited(429, { retryAfter: '7' }),
      ),
      [7_000],
    ],
    [
      'a secondary limit without retry-after (403), once',
      once(`${REPO_API}/commits`, () => secondaryRateLimited(403)),
      [60_000],
    ],
    ['a timeout, once', once(`${REPO_API}/git/trees/:ref`, tooLate), [8]],
  ])(
    'recovers from %s within the sync, storing nothing twice',
    async (_, fault, expectedWaits) => {
      const { sink, expectedCursor, faulty, faultyWaits, storedAsBefore } =
        await syncThrough(fault);
      expect(faulty.error).toBeUndefined();
      expect(faulty).toMatchObject({ created: 0, updated: 0 });
      expect(faultyWaits).toEqual(expectedWaits);
      storedAsBefore();
      expect(sink.cursors.get('acme/shop')).toBe(expectedCursor);
    },
  );

  it.each<[string, Fault, RegExp | string, number[]]>([
    [
      'a 500 on every attempt',
      always(`${REPO_API}/pulls`, () =>
        HttpResponse.json({ message: 'Server Error' }, { status: 500 }),
      ),
      'GitHub GET /repos/acme/shop/pulls answered 500: Server Error (4 attempts)',
      [8, 15, 30],
    ],
    [
      'a 502 page on every attempt',
      always(
        `${REPO_API}/deployments`,
        () => new HttpResponse('<html>Bad gateway</html>', { status: 502 }),
      ),
      /^GitHub GET \/repos\/acme\/shop\/deployments answered 502.*\(4 attempts\)$/,
      [8, 15, 30],
    ],
    [
      'a spent primary limit on every attempt (403)',
      always(`${REPO_API}/commits`, () => primaryRateLimited()),
      'GitHub GET /repos/acme/shop/commits answered 403: API rate limit exceeded for installation ID 1. (4 attempts)',
      [31_000, 31_000, 31_000],
    ],
    [
      'a primary limit resetting later than the module waits (403)',
      always(`${REPO_API}/commits`, () =>
        primaryRateLimited({ reset: HOUR_LATER }),
      ),
      'GitHub GET /repos/acme/shop/commits is rate limited for 3631 s, longer than the 900 s allowed; the next sync resumes',
      [],
    ],
    [
      'a success spending the primary limit until later than the module waits',
      always(
        `${REPO_API}/commits`,
        restAnswer(
          seen,
          () => commits,
          () => rateLimitHeaders(0, 'core', HOUR_LATER),
        ),
      ),
      // The request after it is not sent.
      'GitHub GET /repos/acme/shop/git/trees/main: the rate limit resets in 3631 s, longer than the 900 s allowed; the next sync resumes',
      [],
    ],
    [
      'a secondary limit on every attempt (429, retry-after 7)',
      always(`${REPO_API}/commits`, () =>
        secondaryRateLimited(429, { retryAfter: '7' }),
      ),
      /^GitHub GET \/repos\/acme\/shop\/commits answered 429: You have exceeded a secondary rate limit\..*\(4 attempts\)$/,
      [7_000, 7_000, 7_000],
    ],
    [
      'a secondary limit without retry-after on every attempt (403)',
      always(`${REPO_API}/commits`, () => secondaryRateLimited(403)),
      /^GitHub GET \/repos\/acme\/shop\/commits answered 403: You have exceeded a secondary rate limit\..*\(4 attempts\)$/,
      [60_000, 120_000, 240_000],
    ],
    [
      'a secondary limit asking for longer than the module waits (429, retry-after 3600)',
      always(`${REPO_API}/commits`, () =>
        secondaryRateLimited(429, { retryAfter: '3600' }),
      ),
      'GitHub GET /repos/acme/shop/commits is rate limited for 3600 s, longer than the 900 s allowed; the next sync resumes',
      [],
    ],
    [
      'a timeout on every attempt',
      always(`${REPO_API}/git/trees/:ref`, tooLate),
      'GitHub GET /repos/acme/shop/git/trees/main timed out after 1000 ms (4 attempts)',
      [8, 15, 30],
    ],
    [
      'malformed JSON',
      always(
        `${REPO_API}/pulls`,
        () =>
          new HttpResponse('[{"number": 42,', {
            headers: { 'content-type': 'application/json' },
          }),
      ),
      'GitHub GET /repos/acme/shop/pulls answered 200 with malformed JSON',
      [],
    ],
    [
      'a sink write failure mid-sync (the deployments, after the runs)',
      failWrite(
        event => event.type === 'deployment',
        new Error('SQLITE_BUSY: database is locked'),
      ),
      'SQLITE_BUSY: database is locked',
      [],
    ],
  ])(
    'ends in failure on %s with cursor and events as before, then resumes without duplicates',
    async (_, fault, message, expectedWaits) => {
      const {
        sink,
        cursor,
        expectedCursor,
        faulty,
        faultyWaits,
        storedAsBefore,
      } = await syncThrough(fault);
      expect(faulty.error?.message).toMatch(message);
      expect(faulty.error?.message).not.toContain(GITHUB_TOKEN);
      expect(faulty.cursor).toBeUndefined();
      expect(faultyWaits).toEqual(expectedWaits);
      expect(sink.cursors.get('acme/shop')).toBe(cursor);
      storedAsBefore();

      server.resetHandlers(...githubHandlers(seen));
      const resumed = await sync(sink);
      expect(resumed.error).toBeUndefined();
      expect(resumed).toMatchObject({ created: 0, updated: 0 });
      storedAsBefore();
      expect(sink.cursors.get('acme/shop')).toBe(expectedCursor);
    },
  );

  it('fails a repository whose host has no credentials, sending nothing, and syncs the others', async () => {
    const enterprise: GithubRepository = {
      host: 'ghe.example.com',
      owner: 'acme',
      repo: 'billing',
      apiBaseUrl: 'https://ghe.example.com/api/v3',
      url: 'https://ghe.example.com/acme/billing',
      scope: 'ghe.example.com/acme/billing',
      entities: [{ entityRef: 'component:default/billing' }],
    };
    // The catalog maps to a GitHub Enterprise host configured without a
    // token or App: nothing may go out anonymously (msw fails any request
    // to it).
    const tokenForGithubComOnly = new GithubClient({
      credentials: DefaultGithubCredentialsProvider.fromIntegrations(
        ScmIntegrations.fromConfig(
          new ConfigReader({
            integrations: {
              github: [
                { host: 'github.com', token: GITHUB_TOKEN },
                { host: enterprise.host, apiBaseUrl: enterprise.apiBaseUrl },
              ],
            },
          }),
        ),
      ),
    });
    const sink = new RecordingSink();
    const results = await syncGithubRepositories({
      client: tokenForGithubComOnly,
      sink,
      repositories: new Map([
        [repository.scope, repository],
        [enterprise.scope, enterprise],
      ]),
      logger,
      initialLookbackDays: 90,
      maxConcurrency: 1,
      now: NOW,
    });
    const byScope = new Map(results.map(r => [r.scope, r]));
    expect(byScope.get('acme/shop')?.error).toBeUndefined();
    expect(byScope.get(enterprise.scope)?.error?.message).toBe(
      'No GitHub credentials for https://ghe.example.com/acme/billing: add a token, or a GitHub App installed on acme, for host ghe.example.com under integrations.github (requests are not sent anonymously: GitHub allows 60 an hour)',
    );
    expect(seen.some(r => r.path.includes('billing'))).toBe(false);
    expect(sink.cursors.has(enterprise.scope)).toBe(false);
  });
});
