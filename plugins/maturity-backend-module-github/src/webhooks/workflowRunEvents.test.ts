import { GithubClient } from '../api/GithubClient';
import workflowRunCompleted from '../__fixtures__/webhooks/workflowRunCompleted.json';
import { ENTITY, credentials, repository } from '../__testUtils__/githubApi';
import { setupGithubApiServer } from '../__testUtils__/setupGithubApiServer';
import { pullSyncEvents } from '../__testUtils__/pullSyncEvents';
import { WorkflowRunWebhook } from './types';
import { workflowRunEvents } from './workflowRunEvents';

const { seen } = setupGithubApiServer();

const client = new GithubClient({ credentials });
const delivery = () =>
  structuredClone(workflowRunCompleted) as unknown as WorkflowRunWebhook;

describe('workflowRunEvents', () => {
  it('maps a completed run to the build the pull sync records, step kinds included', async () => {
    const events = await workflowRunEvents(delivery(), repository, client);
    expect(events).toEqual([
      {
        type: 'build',
        entityRef: ENTITY,
        externalId: `30433641 ${ENTITY}`,
        pipeline: 'CI',
        branch: 'main',
        isDefaultBranch: true,
        commitSha: '7638417db6d59f3c431d3e1f261cc637155684cd',
        trigger: 'push',
        status: 'success',
        startedAt: '2026-11-20T10:00:05Z',
        finishedAt: '2026-11-20T10:06:30Z',
        steps: expect.arrayContaining(['unit-test', 'lint']),
        updatedAt: '2026-11-20T10:06:30Z',
        url: 'https://github.com/acme/shop/actions/runs/30433641',
      },
    ]);
    expect(seen.map(r => r.path)).toEqual([
      '/repos/acme/shop/actions/runs/30433641/jobs',
    ]);

    seen.length = 0;
    const synced = await pullSyncEvents();
    expect(events).toEqual([synced.get(`30433641 ${ENTITY}`)]);
  });

  it('maps a run in progress without reading its jobs', async () => {
    const webhook = delivery();
    webhook.action = 'in_progress';
    Object.assign(webhook.workflow_run, {
      status: 'in_progress',
      conclusion: null,
      updated_at: '2026-11-20T10:01:00Z',
    });
    const [event] = await workflowRunEvents(webhook, repository, client);
    expect(event).toMatchObject({
      status: 'running',
      externalId: `30433641 ${ENTITY}`,
    });
    expect(event).not.toHaveProperty('finishedAt');
    expect(event).not.toHaveProperty('steps');
    expect(seen).toEqual([]);
  });

  it('gives each entity of a shared repository its own copy', async () => {
    const events = await workflowRunEvents(
      delivery(),
      {
        ...repository,
        entities: [
          { entityRef: 'component:default/cart' },
          { entityRef: ENTITY },
        ],
      },
      client,
    );
    expect(
      events.map(e => [e.entityRef, 'externalId' in e && e.externalId]),
    ).toEqual([
      ['component:default/cart', '30433641 component:default/cart'],
      [ENTITY, `30433641 ${ENTITY}`],
    ]);
  });
});
