import { http } from 'msw';
import {
  REPO_API,
  repository,
  restAnswer,
  testGithubClient,
} from '../../__testUtils__/githubApi';
import {
  deploymentPayload,
  deploymentStatusPayload,
  sha,
} from '../../__testUtils__/deploymentRanges';
import { setupGithubApiServer } from '../../__testUtils__/setupGithubApiServer';
import { DeploymentHistory } from './DeploymentHistory';

const { server, seen } = setupGithubApiServer();
const client = testGithubClient();

/**
 * 150 production deployments, one an hour from Nov 1: the oldest (id 1)
 * succeeded, the 149 after it failed. Listed newest first, 100 a page.
 */
const deployments = Array.from({ length: 150 }, (_, i) =>
  deploymentPayload(
    i + 1,
    sha(`D${i + 1}`),
    'production',
    new Date(Date.UTC(2026, 10, 1) + i * 3_600_000).toISOString(),
  ),
).reverse();
const statusOf = (id: number) => [
  deploymentStatusPayload(
    id,
    id * 10,
    id === 1 ? 'success' : 'failure',
    '2026-11-10T00:00:00Z',
  ),
];

beforeEach(() => {
  server.use(
    http.get(
      `${REPO_API}/deployments`,
      restAnswer(
        seen,
        url => {
          const page = Number(url.searchParams.get('page') ?? 1);
          return deployments.slice((page - 1) * 100, page * 100);
        },
        url =>
          url.searchParams.get('page')
            ? ({} as Record<string, string>)
            : {
                link: `<${REPO_API}/deployments?environment=production&per_page=100&page=2>; rel="next"`,
              },
      ),
    ),
    http.get(
      `${REPO_API}/deployments/:id/statuses`,
      restAnswer(seen, url => statusOf(Number(url.pathname.split('/')[5]))),
    ),
  );
});

describe('DeploymentHistory', () => {
  it('finds the previous successful deployment on a later page of the environment', async () => {
    const history = new DeploymentHistory({
      client,
      target: repository,
      base: '/repos/acme/shop',
      maxCandidates: 200,
    });
    // Deployment 120: 119 older ones, 1 a success; 100-120's statuses are
    // known from the sync's own read.
    for (let id = 100; id <= 120; id++) history.remember(id, statusOf(id));
    const previous = await history.previousSuccessful(deployments[30]);
    expect(previous?.id).toBe(1);
    const lists = seen.filter(r => r.path === '/repos/acme/shop/deployments');
    expect(lists.map(r => r.query.get('page'))).toEqual([null, '2']);
    // Statuses of 1-99 read (99), none of the remembered ones.
    expect(seen.filter(r => r.path.endsWith('/statuses'))).toHaveLength(99);
  });

  it('gives up after maxCandidates unsuccessful deployments: treated as the first', async () => {
    const history = new DeploymentHistory({
      client,
      target: repository,
      base: '/repos/acme/shop',
      maxCandidates: 10,
    });
    expect(await history.previousSuccessful(deployments[0])).toBeUndefined();
    expect(seen.filter(r => r.path.endsWith('/statuses'))).toHaveLength(10);
  });
});
