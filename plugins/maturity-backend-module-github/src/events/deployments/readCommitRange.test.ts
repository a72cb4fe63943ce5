import { HttpResponse, http } from 'msw';
import {
  REPO_API,
  primaryRateLimited,
  repository,
  testGithubClient,
} from '../../__testUtils__/githubApi';
import {
  comparisonCommit,
  compareHandlers,
  mergeCommits,
  sha,
} from '../../__testUtils__/deploymentRanges';
import { setupGithubApiServer } from '../../__testUtils__/setupGithubApiServer';
import { readCommitRange } from './readCommitRange';

const { server, seen } = setupGithubApiServer();
const waits: number[] = [];
const client = testGithubClient(waits);
beforeEach(() => {
  waits.length = 0;
});

const BASE = sha('release 1');
const base = '/repos/acme/shop';
const read = (from: string, to: string) =>
  readCommitRange(client, repository, { base, from, to });
const compareCalls = () =>
  seen
    .filter(r => r.path.includes('/compare/'))
    .map(r => `${r.path}?${r.query}`);

/** `count` merge commits on top of BASE, merged a minute apart. */
const commitsOnBase = (count: number) =>
  mergeCommits(
    BASE,
    Array.from({ length: count }, (_, i) => i + 1),
    n => new Date(Date.UTC(2026, 10, 1) + n * 60_000).toISOString(),
  );

describe('readCommitRange', () => {
  it('reads every page of a range, following the Link header', async () => {
    const commits = commitsOnBase(250);
    const head = commits[249].sha;
    server.use(
      ...compareHandlers(seen, {
        [`${BASE}...${head}`]: { status: 'ahead', commits },
      }),
    );

    const range = await read(BASE, head);
    expect(range).toEqual({
      kind: 'range',
      shas: commits.map(c => c.sha),
      truncated: false,
    });
    // 100 + 100 + 50, pages 2 and 3 at the URLs GitHub's Link header gives.
    expect(compareCalls()).toEqual([
      `${base}/compare/${BASE}...${head}?per_page=100`,
      `/repositories/1296269/compare/${BASE}...${head}?per_page=100&page=2`,
      `/repositories/1296269/compare/${BASE}...${head}?per_page=100&page=3`,
    ]);
  });

  it('keeps the oldest 1,000 commits of a longer range, reading 10 pages', async () => {
    const commits = commitsOnBase(1050);
    const head = commits[1049].sha;
    server.use(
      ...compareHandlers(seen, {
        [`${BASE}...${head}`]: { status: 'ahead', commits },
      }),
    );

    const range = await read(BASE, head);
    expect(range).toEqual({
      kind: 'range',
      shas: commits.slice(0, 1000).map(c => c.sha),
      truncated: true,
    });
    expect(compareCalls()).toHaveLength(10);
  });

  it('gives exactly 1,000 commits as a whole range', async () => {
    const commits = commitsOnBase(1000);
    const head = commits[999].sha;
    server.use(
      ...compareHandlers(seen, {
        [`${BASE}...${head}`]: { status: 'ahead', commits },
      }),
    );
    const range = await read(BASE, head);
    expect(range).toMatchObject({ kind: 'range', truncated: false });
    expect(range.kind === 'range' && range.shas).toHaveLength(1000);
  });

  it('gives a rollback (head behind its base) and a redeploy no commits', async () => {
    const commits = commitsOnBase(3);
    const newer = commits[2].sha;
    server.use(
      ...compareHandlers(seen, {
        // Deploying BASE again after `newer`: GitHub lists no commits.
        [`${newer}...${BASE}`]: { status: 'behind', behindBy: 3, commits: [] },
        [`${newer}...${newer}`]: { status: 'identical', commits: [] },
      }),
    );
    expect(await read(newer, BASE)).toEqual({
      kind: 'range',
      shas: [],
      truncated: false,
    });
    expect(await read(newer, newer)).toEqual({
      kind: 'range',
      shas: [],
      truncated: false,
    });
  });

  it('gives a head that diverged from its base the commits only it has', async () => {
    // A hotfix branch cut from BASE, deployed after main's M1 was.
    const m1 = commitsOnBase(1)[0].sha;
    const hotfix = comparisonCommit(sha('hotfix'), {
      message: 'Fix the checkout total',
      date: '2026-11-03T08:00:00Z',
      parent: BASE,
    });
    server.use(
      ...compareHandlers(seen, {
        [`${m1}...${hotfix.sha}`]: {
          status: 'diverged',
          behindBy: 1,
          commits: [hotfix],
        },
      }),
    );
    expect(await read(m1, hotfix.sha)).toEqual({
      kind: 'range',
      shas: [hotfix.sha],
      truncated: false,
    });
  });

  it.each([
    [
      404,
      {
        message: `No commit found for SHA: ${sha('force-pushed away')}`,
        documentation_url:
          'https://docs.github.com/rest/commits/commits#compare-two-commits',
        status: '404',
      },
    ],
    [
      422,
      {
        message: 'Validation Failed',
        errors: [{ resource: 'Commit', field: 'base', code: 'invalid' }],
        documentation_url:
          'https://docs.github.com/rest/commits/commits#compare-two-commits',
        status: '422',
      },
    ],
  ])(
    'gives a base GitHub cannot compare (%s) an unknown range',
    async (status, body) => {
      server.use(
        http.get(`${REPO_API}/compare/:basehead`, () =>
          HttpResponse.json(body, { status }),
        ),
      );
      expect(await read(sha('force-pushed away'), sha('M1'))).toEqual({
        kind: 'unknown',
        status,
      });
    },
  );

  it('waits out a rate limit and throws on a 5xx that persists', async () => {
    let refused = false;
    const commits = commitsOnBase(2);
    server.use(
      http.get(`${REPO_API}/compare/:basehead`, () => {
        if (refused) return undefined;
        refused = true;
        return primaryRateLimited({ status: 429 });
      }),
      ...compareHandlers(seen, {
        [`${BASE}...${commits[1].sha}`]: { status: 'ahead', commits },
      }),
    );
    expect(await read(BASE, commits[1].sha)).toMatchObject({
      shas: [commits[0].sha, commits[1].sha],
    });
    // The reset is 30 s after the client's "now", plus a second of margin.
    expect(waits).toEqual([31_000]);

    server.use(
      http.get(`${REPO_API}/compare/:basehead`, () =>
        HttpResponse.json({ message: 'Server Error' }, { status: 502 }),
      ),
    );
    await expect(read(BASE, commits[1].sha)).rejects.toThrow(
      /compare\/.* answered 502: Server Error \(4 attempts\)/,
    );
  });
});
