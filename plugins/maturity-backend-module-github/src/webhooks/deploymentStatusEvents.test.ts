import { mockServices } from '@backstage/backend-test-utils';
import { HttpResponse, http } from 'msw';
import { GithubClient } from '../api/GithubClient';
import deploymentStatusCreated from '../__fixtures__/webhooks/deploymentStatusCreated.json';
import {
  ENTITY,
  REPO_API,
  credentials,
  repository,
} from '../__testUtils__/githubApi';
import { setupGithubApiServer } from '../__testUtils__/setupGithubApiServer';
import { pullSyncEvents } from '../__testUtils__/pullSyncEvents';
import { deploymentStatusEvents } from './deploymentStatusEvents';
import { DeploymentStatusWebhook } from './types';

const { server, seen } = setupGithubApiServer();

const client = new GithubClient({ credentials });
const logger = mockServices.logger.mock();
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
});
