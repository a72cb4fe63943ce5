import { GithubClient } from '../api/GithubClient';
import pullRequestClosed from '../__fixtures__/webhooks/pullRequestClosed.json';
import { ENTITY, credentials, repository } from '../__testUtils__/githubApi';
import { setupGithubApiServer } from '../__testUtils__/setupGithubApiServer';
import { pullSyncEvents } from '../__testUtils__/pullSyncEvents';
import { pullRequestEvents } from './pullRequestEvents';
import { PullRequestWebhook } from './types';

const { seen } = setupGithubApiServer();

const client = new GithubClient({ credentials });
const delivery = () =>
  structuredClone(pullRequestClosed) as unknown as PullRequestWebhook;

describe('pullRequestEvents', () => {
  it('maps a merge to the change the pull sync records, details included', async () => {
    const events = await pullRequestEvents(delivery(), repository, client);
    expect(events).toEqual([
      expect.objectContaining({
        type: 'change',
        entityRef: ENTITY,
        externalId: `acme/shop#42 ${ENTITY}`,
        kind: 'pull_request',
        state: 'merged',
        title: 'Add cart totals',
        author: 'octocat',
        targetBranch: 'main',
        sha: '7638417db6d59f3c431d3e1f261cc637155684cd',
        openedAt: '2026-11-18T09:00:00Z',
        mergedAt: '2026-11-20T09:30:00Z',
        reviewCount: 2,
        labels: ['feature'],
        linkedIssues: expect.arrayContaining(['SHOP-123', '#17']),
        updatedAt: '2026-11-20T09:30:00Z',
      }),
    ]);
    // Reviews, commits and files in the sync's one query.
    expect(seen.map(r => r.path)).toEqual(['/graphql']);

    const synced = await pullSyncEvents();
    expect(events).toEqual([synced.get(`acme/shop#42 ${ENTITY}`)]);
  });

  it('maps an opened pull request with its details, as the sync does', async () => {
    const webhook = delivery();
    webhook.action = 'opened';
    Object.assign(webhook.pull_request, {
      state: 'open',
      closed_at: null,
      merged_at: null,
      merged: false,
      merge_commit_sha: null,
      updated_at: '2026-11-18T09:00:00Z',
    });
    const [event] = await pullRequestEvents(webhook, repository, client);
    expect(event).toMatchObject({
      state: 'open',
      externalId: `acme/shop#42 ${ENTITY}`,
      updatedAt: '2026-11-18T09:00:00Z',
    });
    expect(event).not.toHaveProperty('mergedAt');
    expect(event).not.toHaveProperty('sha');
    expect(seen.map(r => r.path)).toEqual(['/graphql']);
  });

  it('reads the details by REST when the payload has no node id', async () => {
    const [byGraphql] = await pullRequestEvents(delivery(), repository, client);
    seen.length = 0;
    const webhook = delivery();
    delete webhook.pull_request.node_id;
    const [byRest] = await pullRequestEvents(webhook, repository, client);
    expect(byRest).toEqual(byGraphql);
    expect(seen.map(r => r.path).sort()).toEqual([
      '/repos/acme/shop/pulls/42/commits',
      '/repos/acme/shop/pulls/42/files',
      '/repos/acme/shop/pulls/42/reviews',
    ]);
  });

  it('writes nothing for a pull request GitHub does not resolve', async () => {
    const webhook = delivery();
    webhook.pull_request.node_id = 'PR_kwDOgone';
    await expect(
      pullRequestEvents(webhook, repository, client),
    ).rejects.toThrow('GitHub did not resolve pull request #42 (PR_kwDOgone)');
  });
});
