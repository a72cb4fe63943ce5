import { HttpResponse, http } from 'msw';
import { GithubClient } from '../api/GithubClient';
import pulls from '../__fixtures__/pulls.json';
import pushDefaultBranch from '../__fixtures__/webhooks/pushDefaultBranch.json';
import {
  ENTITY,
  REPO_API,
  credentials,
  repository,
} from '../__testUtils__/githubApi';
import { setupGithubApiServer } from '../__testUtils__/setupGithubApiServer';
import { pullSyncEvents } from '../__testUtils__/pullSyncEvents';
import {
  REBASE_MERGED_SHA,
  webhookLookupHandlers,
} from '../__testUtils__/webhookLookupHandlers';
import { MAX_PUSH_LOOKUPS, pushEvents } from './pushEvents';
import { PushWebhook } from './types';

const DIRECT = 'f00dfacef00dfacef00dfacef00dfacef00dface';
const SQUASHED = '7638417db6d59f3c431d3e1f261cc637155684cd';

const { server, seen } = setupGithubApiServer(webhookLookupHandlers);

const client = new GithubClient({ credentials });
const delivery = () =>
  structuredClone(pushDefaultBranch) as unknown as PushWebhook;

describe('pushEvents', () => {
  it('maps the commits no pull request brought to the direct pushes the pull sync records', async () => {
    const events = await pushEvents(delivery(), repository, client);
    expect(events).toEqual([
      {
        type: 'change',
        entityRef: ENTITY,
        externalId: `acme/shop@${DIRECT} ${ENTITY}`,
        kind: 'commit',
        state: 'merged',
        title: 'Hotfix price display',
        author: 'octocat',
        targetBranch: 'main',
        sha: DIRECT,
        commitShas: [DIRECT],
        authoredAt: '2026-11-19T20:00:00Z',
        mergedAt: '2026-11-19T20:01:00Z',
        directPush: true,
        isRevert: false,
        linkedIssues: [],
        updatedAt: '2026-11-19T20:01:00Z',
        url: `https://github.com/acme/shop/commit/${DIRECT}`,
      },
    ]);
    // The squash merge is told by its message; the rebase-merged commit by
    // the pull request GitHub names for it.
    expect(seen.map(r => r.path).sort()).toEqual(
      [
        `/repos/acme/shop/commits/${DIRECT}`,
        `/repos/acme/shop/commits/${DIRECT}/pulls`,
        `/repos/acme/shop/commits/${REBASE_MERGED_SHA}/pulls`,
      ].sort(),
    );
    expect(seen.some(r => r.path.includes(SQUASHED))).toBe(false);

    const synced = await pullSyncEvents();
    expect(events).toEqual([synced.get(`acme/shop@${DIRECT} ${ENTITY}`)]);
  });

  it('gives a path-scoped entity the direct pushes that change its path', async () => {
    const events = await pushEvents(
      delivery(),
      {
        ...repository,
        entities: [
          { entityRef: ENTITY },
          { entityRef: 'component:default/docs', path: 'docs' },
          { entityRef: 'component:default/pricing', path: 'src' },
        ],
      },
      client,
    );
    expect(
      events.map(e => [e.entityRef, 'externalId' in e && e.externalId]),
    ).toEqual([
      [ENTITY, `acme/shop@${DIRECT} ${ENTITY}`],
      [
        'component:default/pricing',
        `acme/shop@${DIRECT} component:default/pricing`,
      ],
    ]);
  });

  it(`looks up at most ${MAX_PUSH_LOOKUPS} commits of a push, the newest`, async () => {
    server.use(
      http.get(`${REPO_API}/commits/:sha/pulls`, ({ request }) => {
        seen.push({
          path: new URL(request.url).pathname,
          query: new URLSearchParams(),
          headers: request.headers,
          status: 200,
        });
        return HttpResponse.json([pulls[0]]);
      }),
    );
    const webhook = delivery();
    webhook.commits = Array.from({ length: MAX_PUSH_LOOKUPS + 5 }, (_, i) => ({
      id: i.toString(16).padStart(40, '0'),
      message: `Step ${i}`,
    }));
    expect(await pushEvents(webhook, repository, client)).toEqual([]);
    expect(seen.map(r => r.path).sort()).toEqual(
      webhook.commits
        .slice(-MAX_PUSH_LOOKUPS)
        .map(c => `/repos/acme/shop/commits/${c.id}/pulls`)
        .sort(),
    );
  });
});
