import { mockServices } from '@backstage/backend-test-utils';
import { RecordingSink } from '@maturity-for-backstage/backstage-plugin-maturity-node/testUtils';
import { HttpResponse, http } from 'msw';
import { GithubRepository } from '../catalog/readRepositoryMap';
import {
  ENTITY,
  REPO_API,
  primaryRateLimited,
  repository,
  testGithubClient,
} from '../__testUtils__/githubApi';
import {
  Comparison,
  compareHandlers,
  deploymentHandlers,
  deploymentPayload,
  deploymentStatusPayload,
  mergeCommits,
  sha,
} from '../__testUtils__/deploymentRanges';
import { setupGithubApiServer } from '../__testUtils__/setupGithubApiServer';
import { syncGithubRepositories } from './syncGithubRepositories';

jest.setTimeout(20_000);

const { server, seen } = setupGithubApiServer();
const waits: number[] = [];
const client = testGithubClient(waits);
const logger = mockServices.logger.mock();

const NOW = new Date('2026-11-20T12:00:00Z');
const LATER = new Date('2026-11-20T13:00:00Z');

/** What production ran before: the previous release. */
const BASE = sha('release 2026-11-17');
/** Pull requests #51-#55, merged one a day from Nov 15 (merge commits M51-M55). */
const MERGED = mergeCommits(
  BASE,
  [51, 52, 53, 54, 55],
  n => `2026-11-${String(n - 36).padStart(2, '0')}T09:00:00Z`,
);
const HEAD = MERGED[4].sha;

/**
 * Production deployments of BASE (Nov 17, superseded: inactive since the
 * next succeeded) and of HEAD, #55's merge (Nov 20); a staging deployment
 * of M53 between them.
 */
const deployments = [
  deploymentPayload(3001, BASE, 'production', '2026-11-17T10:00:00Z'),
  deploymentPayload(3002, MERGED[2].sha, 'staging', '2026-11-19T10:00:00Z'),
  deploymentPayload(3003, HEAD, 'production', '2026-11-20T10:00:00Z'),
];
const statuses = {
  3001: [
    deploymentStatusPayload(3001, 13, 'inactive', '2026-11-20T10:05:00Z'),
    deploymentStatusPayload(3001, 12, 'success', '2026-11-17T10:05:00Z'),
    deploymentStatusPayload(3001, 11, 'in_progress', '2026-11-17T10:01:00Z'),
  ],
  3002: [deploymentStatusPayload(3002, 21, 'success', '2026-11-19T10:05:00Z')],
  3003: [
    deploymentStatusPayload(3003, 32, 'success', '2026-11-20T10:05:00Z'),
    deploymentStatusPayload(3003, 31, 'in_progress', '2026-11-20T10:01:00Z'),
  ],
};
const RELEASE: Record<string, Comparison> = {
  [`${BASE}...${HEAD}`]: { status: 'ahead', commits: MERGED },
};

function serve(
  list = deployments,
  lists: Record<number, any[]> = statuses,
  comparisons = RELEASE,
) {
  server.use(
    ...deploymentHandlers(seen, list, lists),
    ...compareHandlers(seen, comparisons),
  );
}

async function sync(sink: RecordingSink, now = NOW, repo = repository) {
  const [result] = await syncGithubRepositories({
    client,
    sink,
    repositories: new Map([[repo.scope, repo]]),
    logger,
    initialLookbackDays: 90,
    maxConcurrency: 1,
    now,
  });
  return result;
}

const deployment = (sink: RecordingSink, id: number, entityRef = ENTITY) =>
  sink.events.get(`deployment:${id} ${entityRef}`);
const compareCalls = () =>
  seen.filter(r => r.path.includes('/compare/')).map(r => r.path);
const snapshot = (sink: RecordingSink) =>
  JSON.stringify([...sink.events.entries()].sort());

beforeEach(() => {
  waits.length = 0;
  logger.info.mockClear();
});

describe('syncGithubRepository: the commits each deployment shipped', () => {
  it('gives a production deployment the five pull requests merged since the previous one', async () => {
    serve();
    const sink = new RecordingSink();
    const result = await sync(sink);
    expect(result.error).toBeUndefined();

    expect(deployment(sink, 3003)).toMatchObject({
      environment: 'production',
      commitSha: HEAD,
      commitShas: [sha('M51'), sha('M52'), sha('M53'), sha('M54'), sha('M55')],
      status: 'success',
    });
    // The environment's first deployment: its SHA alone, not all history.
    expect(deployment(sink, 3001)).toMatchObject({
      commitSha: BASE,
      status: 'success',
    });
    expect(deployment(sink, 3001)).not.toHaveProperty('commitShas');
    // Staging is not production for the entity: not compared.
    expect(deployment(sink, 3002)).not.toHaveProperty('commitShas');
    expect(compareCalls()).toEqual([
      `/repos/acme/shop/compare/${BASE}...${HEAD}`,
    ]);
    // The production list is read once, the statuses of each deployment
    // once (the sync's own reads serve the look-up).
    const production = seen.filter(
      r =>
        r.path === '/repos/acme/shop/deployments' &&
        r.query.get('environment') === 'production',
    );
    expect(production).toHaveLength(1);
    expect(seen.filter(r => r.path.endsWith('/3001/statuses')).length).toBe(1);
    expect(result.cursor?.shippedCommits).toBe(1);
  });

  it('reads the ranges of an entity’s annotated production environment', async () => {
    serve();
    const live: GithubRepository = {
      ...repository,
      entities: [{ entityRef: ENTITY, productionEnvironment: 'Staging' }],
    };
    const sink = new RecordingSink();
    expect((await sync(sink, NOW, live)).error).toBeUndefined();
    // Its first staging deployment; production is not compared.
    expect(deployment(sink, 3002)).not.toHaveProperty('commitShas');
    expect(compareCalls()).toEqual([]);
  });

  it('gives a rollback to an older SHA no commits: nothing new shipped', async () => {
    const rollback = deploymentPayload(
      3004,
      BASE,
      'production',
      '2026-11-20T11:00:00Z',
    );
    serve(
      [...deployments, rollback],
      {
        ...statuses,
        3004: [
          deploymentStatusPayload(3004, 41, 'success', '2026-11-20T11:04:00Z'),
        ],
      },
      {
        ...RELEASE,
        [`${HEAD}...${BASE}`]: { status: 'behind', behindBy: 5, commits: [] },
      },
    );
    const sink = new RecordingSink();
    expect((await sync(sink)).error).toBeUndefined();
    expect(deployment(sink, 3004)).toMatchObject({
      commitSha: BASE,
      commitShas: [],
    });
    expect(deployment(sink, 3003)).toMatchObject({
      commitShas: MERGED.map(c => c.sha),
    });
  });

  it('gives a redeploy of the same SHA no commits, without asking GitHub', async () => {
    const redeploy = deploymentPayload(
      3004,
      HEAD,
      'production',
      '2026-11-20T11:00:00Z',
    );
    serve([...deployments, redeploy], {
      ...statuses,
      3004: [
        deploymentStatusPayload(3004, 41, 'success', '2026-11-20T11:04:00Z'),
      ],
    });
    const sink = new RecordingSink();
    await sync(sink);
    expect(deployment(sink, 3004)).toMatchObject({ commitShas: [] });
    expect(compareCalls()).toHaveLength(1);
  });

  it('skips failed deployments when looking for the previous one', async () => {
    const failed = deploymentPayload(
      3005,
      MERGED[3].sha,
      'production',
      '2026-11-19T12:00:00Z',
    );
    serve([...deployments, failed], {
      ...statuses,
      3005: [
        deploymentStatusPayload(3005, 51, 'failure', '2026-11-19T12:04:00Z'),
      ],
    });
    const sink = new RecordingSink();
    await sync(sink);
    expect(deployment(sink, 3005)).toMatchObject({ status: 'failure' });
    expect(deployment(sink, 3005)).not.toHaveProperty('commitShas');
    // Still BASE...HEAD: the failed deployment shipped nothing.
    expect(deployment(sink, 3003)).toMatchObject({
      commitShas: MERGED.map(c => c.sha),
    });
  });

  it.each([
    [404, 'Not Found'],
    [422, 'Validation Failed'],
  ])(
    'records the deployed SHA alone when GitHub cannot compare a force-pushed base (%s), and moves on',
    async (status, message) => {
      serve();
      server.use(
        http.get(`${REPO_API}/compare/:basehead`, () =>
          HttpResponse.json({ message }, { status }),
        ),
      );
      const sink = new RecordingSink();
      const result = await sync(sink);
      expect(result.error).toBeUndefined();
      expect(deployment(sink, 3003)).toMatchObject({ commitSha: HEAD });
      expect(deployment(sink, 3003)).not.toHaveProperty('commitShas');
      expect(result.cursor?.deployments).toBe('2026-11-20T10:00:00Z');
      expect(logger.info).toHaveBeenCalledWith(
        `GitHub acme/shop: deployment 3003 (production): GitHub cannot compare ${BASE}...${HEAD} (${status}; a force push?); only the deployed commit is recorded`,
      );
    },
  );

  it('waits out a rate limit on compare within the sync', async () => {
    serve();
    let refused = false;
    server.use(
      http.get(`${REPO_API}/compare/:basehead`, () => {
        if (refused) return undefined;
        refused = true;
        return primaryRateLimited();
      }),
    );
    const sink = new RecordingSink();
    expect((await sync(sink)).error).toBeUndefined();
    expect(waits).toEqual([31_000]);
    expect(deployment(sink, 3003)).toMatchObject({
      commitShas: MERGED.map(c => c.sha),
    });
  });

  it.each([
    [
      'a 500 on every attempt',
      () => HttpResponse.json({ message: 'Server Error' }, { status: 500 }),
      /compare\/.* answered 500: Server Error \(4 attempts\)$/,
    ],
    [
      'a secondary limit on every attempt (429, retry-after 7)',
      () =>
        HttpResponse.json(
          {
            message:
              'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
          },
          { status: 429, headers: { 'retry-after': '7' } },
        ),
      /compare\/.* answered 429: You have exceeded a secondary rate limit/,
    ],
    [
      'a timeout on every attempt',
      async () => {
        await new Promise(resolve => setTimeout(resolve, 1_500));
        return HttpResponse.json({});
      },
      /compare\/.* timed out after 1000 ms \(4 attempts\)$/,
    ],
  ])(
    'keeps the cursor and what is stored on %s in compare, then resumes with the range',
    async (_, fault, error) => {
      // A first sync before the release: BASE alone.
      serve([deployments[0]], statuses);
      const sink = new RecordingSink();
      expect((await sync(sink)).error).toBeUndefined();
      const cursor = sink.cursors.get('acme/shop');
      const stored = snapshot(sink);

      serve();
      server.use(http.get(`${REPO_API}/compare/:basehead`, fault));
      const failed = await sync(sink, LATER);
      expect(failed.error?.message).toMatch(error);
      expect(sink.cursors.get('acme/shop')).toBe(cursor);
      expect(snapshot(sink)).toBe(stored);

      server.resetHandlers();
      serve();
      const resumed = await sync(sink, LATER);
      expect(resumed.error).toBeUndefined();
      expect(deployment(sink, 3003)).toMatchObject({
        commitShas: MERGED.map(c => c.sha),
      });
    },
  );

  it('gives deployments stored before ranges theirs on the next sync, once', async () => {
    serve();
    const sink = new RecordingSink();
    await sync(sink);
    // As an older version of the module stored them: no ranges, and a
    // cursor without the shipped-commits version.
    for (const [key, event] of sink.events) {
      if (event.type !== 'deployment') continue;
      const { commitShas: _, ...withoutRange } = event as any;
      sink.events.set(key, withoutRange);
    }
    const { shippedCommits, ...older } = JSON.parse(
      sink.cursors.get('acme/shop')!,
    );
    expect(shippedCommits).toBe(1);
    sink.cursors.set('acme/shop', JSON.stringify(older));
    expect(deployment(sink, 3003)).not.toHaveProperty('commitShas');

    seen.length = 0;
    const backfill = await sync(sink, LATER);
    expect(backfill.error).toBeUndefined();
    // The deployments list read again from the lookback, in full.
    const list = seen.find(
      r =>
        r.path === '/repos/acme/shop/deployments' &&
        !r.query.has('environment'),
    )!;
    expect(list.headers.get('if-none-match')).toBeNull();
    expect(list.status).toBe(200);
    expect(logger.info).toHaveBeenCalledWith(
      'GitHub acme/shop: reading deployments again from 2026-08-22T13:00:00.000Z for the commits they shipped',
    );
    expect(deployment(sink, 3003)).toMatchObject({
      commitShas: MERGED.map(c => c.sha),
    });
    expect(backfill).toMatchObject({ updated: 1 });
    expect(backfill.cursor).toMatchObject({
      shippedCommits: 1,
      deployments: '2026-11-20T10:00:00Z',
    });

    // Done: the next sync's list is conditional again, and nothing compared.
    seen.length = 0;
    expect(await sync(sink, LATER)).toMatchObject({ created: 0, updated: 0 });
    const again = seen.find(r => r.path === '/repos/acme/shop/deployments')!;
    expect(again.status).toBe(304);
    expect(compareCalls()).toEqual([]);
  });

  it('retries a backfill that failed on the next sync', async () => {
    serve();
    const sink = new RecordingSink();
    await sync(sink);
    const { shippedCommits: _, ...older } = JSON.parse(
      sink.cursors.get('acme/shop')!,
    );
    sink.cursors.set('acme/shop', JSON.stringify(older));

    server.use(
      http.get(`${REPO_API}/compare/:basehead`, () =>
        HttpResponse.json({ message: 'Server Error' }, { status: 503 }),
      ),
    );
    expect((await sync(sink, LATER)).error).toBeDefined();
    expect(sink.cursors.get('acme/shop')).toBe(JSON.stringify(older));

    server.resetHandlers();
    serve();
    const retried = await sync(sink, LATER);
    expect(retried.error).toBeUndefined();
    expect(retried.cursor?.shippedCommits).toBe(1);
  });
});
