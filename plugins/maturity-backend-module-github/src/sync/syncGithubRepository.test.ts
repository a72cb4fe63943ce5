import { mockServices } from '@backstage/backend-test-utils';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { GithubClient } from '../api/GithubClient';
import { RecordingSink } from '../__testUtils__/RecordingSink';
import {
  ENTITY,
  GITHUB_TOKEN,
  REPO_API,
  SeenRequest,
  credentials,
  githubHandlers,
  rateLimitHeaders,
  repository,
} from '../__testUtils__/githubApi';
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
  timeoutMs: 100,
  backoffMs: 10,
  sleep: async ms => {
    waits.push(ms);
  },
  random: () => 0.5,
  now: () => 1795180800_000 - 30_000,
});
const logger = mockServices.logger.mock();

async function sync(sink: RecordingSink) {
  const [result] = await syncGithubRepositories({
    client,
    sink,
    repositories: new Map([[repository.scope, repository]]),
    logger,
    initialLookbackDays: 90,
    maxConcurrency: 2,
    now: NOW,
  });
  return result;
}

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
    // Reviews and commits only for the closed pull request.
    expect(paths().filter(p => p.startsWith('/pulls/'))).toEqual(
      expect.arrayContaining(['/pulls/42/reviews', '/pulls/42/commits']),
    );
    expect(paths().some(p => p.startsWith('/pulls/43'))).toBe(false);

    expect(sink.events.get('build:30433641')).toEqual({
      type: 'build',
      externalId: '30433641',
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
    expect(sink.events.get('build:30433642')).toMatchObject({
      status: 'running',
      trigger: 'pull_request',
      isDefaultBranch: false,
    });
    expect(sink.events.get('build:30433642')).not.toHaveProperty('finishedAt');
    expect(sink.events.get('build:30433640')).toMatchObject({
      status: 'failure',
      trigger: 'schedule',
    });

    expect(sink.events.get('deployment:1002')).toEqual({
      type: 'deployment',
      externalId: '1002',
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
    expect(sink.events.get('deployment:1001')).toMatchObject({
      environment: 'staging',
      status: 'in_progress',
      reason: 'rollback',
      automated: false,
    });

    expect(sink.events.get('change:acme/shop#42')).toEqual({
      type: 'change',
      externalId: 'acme/shop#42',
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
    });
    expect(sink.events.get('change:acme/shop#43')).toMatchObject({
      state: 'open',
      isRevert: true,
      revertsSha: '7638417db6d59f3c431d3e1f261cc637155684cd',
    });

    // The squash-merged commit came through #42; the other was pushed.
    expect(
      sink.events.has(
        'change:acme/shop@7638417db6d59f3c431d3e1f261cc637155684cd',
      ),
    ).toBe(false);
    expect(
      sink.events.get(
        'change:acme/shop@f00dfacef00dfacef00dfacef00dfacef00dface',
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
    });

    const cursor = JSON.parse(sink.cursors.get('acme/shop')!);
    expect(cursor).toMatchObject({
      // The unfinished run is read again until it completes.
      runs: '2026-11-20T11:00:00Z',
      deployments: '2026-11-20T10:10:00Z',
      pulls: '2026-11-20T11:00:00Z',
      commits: '2026-11-20T09:30:00Z',
      pendingDeployments: [1001],
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
    // Conditional requests: unchanged lists and tree answer 304.
    for (const path of ['/deployments', '/pulls', '/git/trees/main']) {
      const call = seen.find(r => r.path.endsWith(path))!;
      expect(call.headers.get('if-none-match')).toMatch(/^W\//);
      expect(call.status).toBe(304);
    }
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

  it('retries a 500 and succeeds', async () => {
    let calls = 0;
    server.use(
      http.get(`${REPO_API}/pulls`, () => {
        calls++;
        if (calls === 1) {
          return HttpResponse.json(
            { message: 'Server Error' },
            { status: 500 },
          );
        }
        return undefined;
      }),
    );
    const sink = new RecordingSink();
    const result = await sync(sink);
    expect(result.error).toBeUndefined();
    expect(waits).toEqual([8]); // 10 ms backoff, half jittered
    expect(sink.events.has('change:acme/shop#42')).toBe(true);
  });

  it('keeps the cursor and stored events on a persistent 502', async () => {
    const sink = new RecordingSink();
    await sync(sink);
    const cursor = sink.cursors.get('acme/shop');
    const before = snapshot(sink);
    server.use(
      http.get(
        `${REPO_API}/deployments`,
        () => new HttpResponse('<html>Bad gateway</html>', { status: 502 }),
      ),
    );
    const result = await sync(sink);
    expect(result.error?.message).toMatch(
      /GitHub GET \/repos\/acme\/shop\/deployments answered 502.*\(4 attempts\)/,
    );
    expect(result.error?.message).not.toContain(GITHUB_TOKEN);
    expect(sink.cursors.get('acme/shop')).toBe(cursor);
    expect(snapshot(sink)).toBe(before);
  });

  it('waits for the primary rate limit reset on a 403 with x-ratelimit-remaining 0', async () => {
    let calls = 0;
    server.use(
      http.get(REPO_API, () => {
        calls++;
        if (calls > 1) return undefined;
        return HttpResponse.json(
          {
            message: 'API rate limit exceeded for installation ID 1.',
            documentation_url:
              'https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting',
          },
          { status: 403, headers: rateLimitHeaders(0) },
        );
      }),
    );
    const result = await sync(new RecordingSink());
    expect(result.error).toBeUndefined();
    // Reset is 30 s after "now", plus a second of margin.
    expect(waits).toEqual([31_000]);
  });

  it('pauses before the next request when a success spends the limit', async () => {
    server.use(
      http.get(REPO_API, () =>
        HttpResponse.json(
          { full_name: 'acme/shop', default_branch: 'main' },
          { headers: rateLimitHeaders(0) },
        ),
      ),
    );
    const result = await sync(new RecordingSink());
    expect(result.error).toBeUndefined();
    expect(waits).toEqual([31_000]);
  });

  it('waits as long as a secondary limit asks (429 with retry-after)', async () => {
    let calls = 0;
    server.use(
      http.get(`${REPO_API}/commits`, () => {
        calls++;
        if (calls > 1) return undefined;
        return HttpResponse.json(
          {
            message: 'You have exceeded a secondary rate limit.',
            documentation_url:
              'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
          },
          { status: 429, headers: { 'retry-after': '7' } },
        );
      }),
    );
    const result = await sync(new RecordingSink());
    expect(result.error).toBeUndefined();
    expect(waits).toEqual([7_000]);
  });

  it('retries a timeout', async () => {
    let calls = 0;
    server.use(
      http.get(`${REPO_API}/git/trees/:ref`, async () => {
        calls++;
        if (calls > 1) return undefined;
        await new Promise(resolve => setTimeout(resolve, 500));
        return HttpResponse.json({});
      }),
    );
    const sink = new RecordingSink();
    const result = await sync(sink);
    expect(result.error).toBeUndefined();
    expect(calls).toBe(2);
    expect(waits).toHaveLength(1);
  });

  it('fails the repository on malformed JSON, cursor unchanged', async () => {
    server.use(
      http.get(
        `${REPO_API}/pulls`,
        () =>
          new HttpResponse('[{"number": 42,', {
            headers: { 'content-type': 'application/json' },
          }),
      ),
    );
    const sink = new RecordingSink();
    const result = await sync(sink);
    expect(result.error?.message).toBe(
      'GitHub GET /repos/acme/shop/pulls answered 200 with malformed JSON',
    );
    expect(sink.cursors.has('acme/shop')).toBe(false);
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
    expect(sink.events.has('build:30433641')).toBe(true);

    server.resetHandlers(...githubHandlers(seen));
    const resumed = await sync(sink);
    expect(resumed.error).toBeUndefined();
    expect(sink.cursors.has('acme/shop')).toBe(true);
    const builds = [...sink.events.keys()].filter(k => k.startsWith('build:'));
    expect(builds.sort()).toEqual([
      'build:30433640',
      'build:30433641',
      'build:30433642',
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
});
