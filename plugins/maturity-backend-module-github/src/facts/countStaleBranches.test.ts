import { graphql } from 'msw';
import {
  GRAPHQL_API,
  graphqlAnswer,
  repository,
  testGithubClient,
} from '../__testUtils__/githubApi';
import { MAX_BRANCH_PAGES, countStaleBranches } from './countStaleBranches';
import { setupGithubApiServer } from '../__testUtils__/setupGithubApiServer';

const { server, seen } = setupGithubApiServer();

const client = testGithubClient();
const count = () =>
  countStaleBranches(client, repository, {
    owner: 'acme',
    repo: 'shop',
    defaultBranch: 'main',
    now: new Date('2026-11-20T12:00:00Z'),
  });

describe('countStaleBranches', () => {
  it('counts branches without a commit for 14 days, one query per 100 branches', async () => {
    // Stale: old-experiment, release/2025.10, spike/cart-cache (14 days and
    // 13 hours); fresh: main, feature, the Dependabot branch.
    expect(await count()).toBe(3);
    expect(seen.map(r => [r.operation, r.variables])).toEqual([
      ['BranchRefs', { owner: 'acme', name: 'shop', after: null }],
      ['BranchRefs', { owner: 'acme', name: 'shop', after: 'MTAw' }],
    ]);
  });

  it('does not count the default branch, however old', async () => {
    server.use(
      graphql.link(GRAPHQL_API).query(
        'BranchRefs',
        graphqlAnswer(seen, () => ({
          data: {
            repository: {
              refs: {
                pageInfo: { hasNextPage: false, endCursor: 'MQ' },
                nodes: [
                  {
                    name: 'main',
                    target: { committedDate: '2020-01-01T00:00:00Z' },
                  },
                  // A branch pointing at a tree: no commit date to judge.
                  { name: 'odd', target: {} },
                ],
              },
            },
          },
        })),
      ),
    );
    expect(await count()).toBe(0);
  });

  it(`reports nothing rather than a partial count past ${MAX_BRANCH_PAGES} pages`, async () => {
    server.use(
      graphql.link(GRAPHQL_API).query(
        'BranchRefs',
        graphqlAnswer(seen, variables => ({
          data: {
            repository: {
              refs: {
                pageInfo: {
                  hasNextPage: true,
                  endCursor: `${Number(variables.after ?? 0) + 100}`,
                },
                nodes: [
                  {
                    name: `stale-${variables.after}`,
                    target: { committedDate: '2025-01-01T00:00:00Z' },
                  },
                ],
              },
            },
          },
        })),
      ),
    );
    expect(await count()).toBeUndefined();
    expect(seen).toHaveLength(MAX_BRANCH_PAGES);
  });
});
