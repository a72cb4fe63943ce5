import { mockServices } from '@backstage/backend-test-utils';
import { HttpResponse, http } from 'msw';
import { GithubClient } from '../api/GithubClient';
import statuses1002 from '../__fixtures__/deploymentStatuses1002.json';
import deploymentStatusCreated from '../__fixtures__/webhooks/deploymentStatusCreated.json';
import {
  ENTITY,
  REPO_API,
  credentials,
  repository,
} from '../__testUtils__/githubApi';
import { setupGithubApiServer } from '../__testUtils__/setupGithubApiServer';
import { pullSyncEvents } from '../__testUtils__/pullSyncEvents';
import {
  compareHandlers,
  deploymentHandlers,
  deploymentPayload,
  deploymentStatusPayload,
  mergeCommits,
  sha,
} from '../__testUtils__/deploymentRanges';
import { deploymentStatusEvents } from './deploymentStatusEvents';
import { DeploymentStatusWebhook } from './types';

const { server, seen } = setupGithubApiServer();

const client = new GithubClient({ credentials });
const logger = mockServices.logger.mock();
/** The webhook client's policy, without its backoff's real sleeps. */
const fastClient = new GithubClient({
  credentials,
  timeoutMs: 3_000,
  maxAttempts: 2,
  backoffMs: 1,
  maxRateLimitWaitMs: 0,
});
const delivery = () =>
  structuredClone(
    deploymentStatusCreated,
  ) as unknown as DeploymentStatusWebhook;

describe('deploymentStatusEvents', () => {
  it('maps a status to the deployment the pull sync records, from all its statuses', async () => {
    const events = await deploymentStatusEvents(
      delivery(),
      repository,
      client,
      logger,
    );
    expect(events).toEqual([
      {
        type: 'deployment',
        entityRef: ENTITY,
        externalId: `1002 ${ENTITY}`,
        environment: 'production',
        commitSha: '7638417db6d59f3c431d3e1f261cc637155684cd',
        status: 'success',
        automated: true,
        startedAt: '2026-11-20T10:10:00Z',
        finishedAt: '2026-11-20T10:15:00Z',
        updatedAt: '2026-11-20T10:15:00Z',
        url: 'https://github.com/acme/shop/actions/runs/30433641',
      },
    ]);
    // Its statuses, and the production deployments before it: none (1001
    // went to staging), so it is the environment's first and records its
    // SHA alone.
    expect(seen.map(r => `${r.path}?${r.query}`)).toEqual([
      '/repos/acme/shop/deployments/1002/statuses?per_page=100',
      '/repos/acme/shop/deployments?environment=production&per_page=100',
    ]);

    const synced = await pullSyncEvents();
    expect(events).toEqual([synced.get(`1002 ${ENTITY}`)]);
  });

  it('counts the delivered status when the list does not show it yet', async () => {
    server.use(
      http.get(`${REPO_API}/deployments/:id/statuses`, () =>
        HttpResponse.json([]),
      ),
    );
    const [event] = await deploymentStatusEvents(
      delivery(),
      repository,
      client,
      logger,
    );
    expect(event).toMatchObject({
      status: 'success',
      finishedAt: '2026-11-20T10:15:00Z',
      url: 'https://github.com/acme/shop/actions/runs/30433641',
    });
  });

  it('records the commits a production deployment shipped, as the pull sync does', async () => {
    // The fixture's deployment 1002 (of #42's merge, 7638417) follows a
    // production deployment of BASE; three pull requests were merged since.
    const BASE = sha('release 2026-11-18');
    const merged = mergeCommits(
      BASE,
      [40, 41],
      n => `2026-11-19T${n - 30}:00:00Z`,
    );
    const head = {
      ...merged[1],
      sha: '7638417db6d59f3c431d3e1f261cc637155684cd',
    };
    const range = [merged[0], merged[1], head];
    const { deployment } = delivery();
    const previous = deploymentPayload(
      990,
      BASE,
      'production',
      '2026-11-18T10:00:00Z',
    );
    server.use(
      ...deploymentHandlers(seen, [previous, deployment as any], {
        990: [
          deploymentStatusPayload(990, 99, 'inactive', '2026-11-20T10:15:00Z'),
          deploymentStatusPayload(990, 98, 'success', '2026-11-18T10:04:00Z'),
        ],
        1002: statuses1002 as any,
      }),
      ...compareHandlers(seen, {
        [`${BASE}...${head.sha}`]: { status: 'ahead', commits: range },
      }),
    );

    const [event] = await deploymentStatusEvents(
      delivery(),
      repository,
      client,
      logger,
    );
    expect(event).toMatchObject({
      externalId: `1002 ${ENTITY}`,
      status: 'success',
      commitSha: head.sha,
      commitShas: [sha('M40'), sha('M41'), head.sha],
    });
    expect(seen.map(r => r.path)).toEqual([
      '/repos/acme/shop/deployments/1002/statuses',
      '/repos/acme/shop/deployments',
      '/repos/acme/shop/deployments/990/statuses',
      `/repos/acme/shop/compare/${BASE}...${head.sha}`,
    ]);

    // The pull sync writes the same event.
    const synced = await pullSyncEvents();
    expect(event).toEqual(synced.get(`1002 ${ENTITY}`));
  });

  it('leaves a range it cannot finish to the pull sync', async () => {
    server.use(
      ...deploymentHandlers(
        seen,
        [
          deploymentPayload(
            990,
            sha('B'),
            'production',
            '2026-11-18T10:00:00Z',
          ),
          delivery().deployment as any,
        ],
        {
          990: [
            deploymentStatusPayload(990, 98, 'success', '2026-11-18T10:04:00Z'),
          ],
          1002: statuses1002 as any,
        },
      ),
      http.get(`${REPO_API}/compare/:basehead`, () =>
        HttpResponse.json({ message: 'Server Error' }, { status: 500 }),
      ),
    );
    await expect(
      deploymentStatusEvents(delivery(), repository, fastClient, logger),
    ).rejects.toThrow(/compare\/.* answered 500/);
  });
});
