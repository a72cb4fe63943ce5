import { graphql, http } from 'msw';
import pullFiles from '../../__fixtures__/pullFiles.json';
import pullRequestNodes from '../../__fixtures__/pullRequestNodes.json';
import pulls from '../../__fixtures__/pulls.json';
import { GithubPullRequest } from '../../api/types';
import {
  GRAPHQL_API,
  REPO_API,
  graphqlAnswer,
  pullRequestNodesAnswer,
  repository,
  restAnswer,
  testGithubClient,
} from '../../__testUtils__/githubApi';
import {
  readPullDetails,
  readPullRequestDetails,
} from './readPullRequestDetails';
import { setupGithubApiServer } from '../../__testUtils__/setupGithubApiServer';

const { server, seen } = setupGithubApiServer();

const client = testGithubClient();
const BASE = '/repos/acme/shop';
const [pull42, pull43] = pulls as GithubPullRequest[];

describe('readPullRequestDetails', () => {
  it('reads reviews, commits and files of a page of pull requests in one query', async () => {
    const details = await readPullRequestDetails(client, repository, BASE, [
      pull42,
      pull43,
      // GitHub no longer resolves this one: it gets no details.
      { ...pull43, number: 44, node_id: 'PR_44' },
      // Without a node id it cannot be looked up.
      { ...pull43, number: 45, node_id: undefined },
    ]);
    expect(seen.map(r => [r.operation, r.variables])).toEqual([
      ['PullRequestDetails', { ids: ['PR_42', 'PR_43', 'PR_44'] }],
    ]);
    expect([...details.keys()]).toEqual([42, 43]);
    expect(details.get(42)).toEqual({
      reviews: [
        {
          id: 80,
          user: { login: 'hubot' },
          state: 'COMMENTED',
          submitted_at: '2026-11-19T10:00:00Z',
        },
        {
          id: 81,
          user: { login: 'hubot' },
          state: 'APPROVED',
          submitted_at: '2026-11-20T08:00:00Z',
        },
      ],
      commits: [
        {
          sha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
          commit: { message: '', author: { date: '2026-11-17T15:00:00Z' } },
        },
        {
          sha: 'e5bd3914e2e596debea16f433f57875b5b90bcd6',
          commit: { message: '', author: { date: '2026-11-18T08:00:00Z' } },
        },
      ],
      files: ['src/cart.ts', 'src/cart.test.ts'],
    });
  });

  it('asks for at most 100 pull requests a query', async () => {
    const many = Array.from({ length: 150 }, (_, i) => ({
      ...pull42,
      number: 1000 + i,
      node_id: `PR_${1000 + i}`,
    }));
    server.use(
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
    const details = await readPullRequestDetails(
      client,
      repository,
      BASE,
      many,
    );
    expect(details.size).toBe(150);
    expect(seen.map(r => r.variables?.ids.length)).toEqual([100, 50]);
  });

  it('reads the whole file list of a pull request with more than 100 files, page by page', async () => {
    const hundred = Array.from({ length: 100 }, (_, i) => ({
      path: `docs/page-${i}.md`,
    }));
    server.use(
      graphql.link(GRAPHQL_API).query(
        'PullRequestDetails',
        graphqlAnswer(
          seen,
          pullRequestNodesAnswer([
            {
              ...pullRequestNodes[0],
              files: {
                pageInfo: { hasNextPage: true, endCursor: 'MTAw' },
                nodes: hundred,
              },
            },
          ]),
        ),
      ),
      http.get(
        `${REPO_API}/pulls/:n/files`,
        restAnswer(
          seen,
          url =>
            url.searchParams.get('page') === '2'
              ? [
                  {
                    ...pullFiles[0],
                    filename: 'services/checkout/src/pay.ts',
                    status: 'renamed',
                    previous_filename: 'services/cart/src/pay.ts',
                  },
                ]
              : hundred.map(f => ({ ...pullFiles[0], filename: f.path })),
          (url): Record<string, string> => {
            if (url.searchParams.get('page') === '2') return {};
            const next = new URL(url);
            next.searchParams.set('page', '2');
            return { link: `<${next}>; rel="next", <${next}>; rel="last"` };
          },
        ),
      ),
    );
    const details = await readPullRequestDetails(client, repository, BASE, [
      pull42,
    ]);
    expect(details.get(42)!.files).toHaveLength(102);
    expect(details.get(42)!.files!.slice(-2)).toEqual([
      'services/checkout/src/pay.ts',
      'services/cart/src/pay.ts',
    ]);
    expect(seen.map(r => [r.operation ?? r.path, r.query.get('page')])).toEqual(
      [
        ['PullRequestDetails', null],
        ['/repos/acme/shop/pulls/42/files', null],
        ['/repos/acme/shop/pulls/42/files', '2'],
      ],
    );
  });

  it('reads nothing for no pull requests', async () => {
    expect(
      (await readPullRequestDetails(client, repository, BASE, [])).size,
    ).toBe(0);
    expect(seen).toEqual([]);
  });
});

describe('readPullDetails', () => {
  it('reads one pull request by REST, files included (webhooks)', async () => {
    const details = await readPullDetails(
      client,
      repository,
      `${BASE}/pulls/42`,
    );
    expect(details.reviews.map(r => r.state)).toEqual([
      'COMMENTED',
      'APPROVED',
    ]);
    expect(details.commits.map(c => c.sha)).toEqual([
      'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
      'e5bd3914e2e596debea16f433f57875b5b90bcd6',
    ]);
    expect(details.files).toEqual(['src/cart.ts', 'src/cart.test.ts']);
    expect(seen.map(r => r.path).sort()).toEqual([
      '/repos/acme/shop/pulls/42/commits',
      '/repos/acme/shop/pulls/42/files',
      '/repos/acme/shop/pulls/42/reviews',
    ]);
  });
});
