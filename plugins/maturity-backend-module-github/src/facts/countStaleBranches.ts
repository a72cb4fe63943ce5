import { GithubClient, GithubTarget } from '../api/GithubClient';
import { DAY_MS } from '../api/githubTimes';
import { GraphqlBranchRefs } from '../api/types';

/**
 * A branch is stale when its last commit is older than this many days: the
 * default rubric's "at most 3 branches without a commit for 14 days".
 */
export const STALE_BRANCH_DAYS = 14;

/** Most branch pages (of 100) read; a repository with more is not counted. */
export const MAX_BRANCH_PAGES = 50;

/** One page of branches with the commit date of each branch's head. */
export const BRANCH_REFS_QUERY = `
query BranchRefs($owner: String!, $name: String!, $after: String) {
  repository(owner: $owner, name: $name) {
    refs(refPrefix: "refs/heads/", first: 100, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes {
        name
        target { ... on Commit { committedDate } }
      }
    }
  }
}`;

/**
 * How many branches other than the default one have had no commit for
 * `STALE_BRANCH_DAYS` days: one GraphQL query per 100 branches, rather than
 * a request per branch. Undefined when the repository has more than
 * `MAX_BRANCH_PAGES` pages of branches: a partial count is not reported.
 */
export async function countStaleBranches(
  client: GithubClient,
  target: GithubTarget,
  options: { owner: string; repo: string; defaultBranch: string; now: Date },
): Promise<number | undefined> {
  const staleBefore = options.now.getTime() - STALE_BRANCH_DAYS * DAY_MS;
  let stale = 0;
  let after: string | null | undefined = null;
  for (let page = 0; page < MAX_BRANCH_PAGES; page++) {
    const data: GraphqlBranchRefs = await client.graphql<GraphqlBranchRefs>(
      target,
      BRANCH_REFS_QUERY,
      { owner: options.owner, name: options.repo, after },
    );
    const refs = data.repository?.refs;
    for (const ref of refs?.nodes ?? []) {
      const committed = Date.parse(ref?.target?.committedDate ?? '');
      if (
        ref &&
        ref.name !== options.defaultBranch &&
        committed < staleBefore
      ) {
        stale++;
      }
    }
    if (!refs?.pageInfo.hasNextPage) return stale;
    after = refs.pageInfo.endCursor;
  }
  return undefined;
}
