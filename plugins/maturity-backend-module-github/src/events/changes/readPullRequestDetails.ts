import { GithubClient, GithubTarget } from '../../api/GithubClient';
import {
  GithubCommit,
  GithubPullRequest,
  GithubPullRequestFile,
  GithubReview,
  GraphqlPullRequestDetails,
} from '../../api/types';
import { changedPaths } from './changedPaths';
import { PullRequestDetails } from './toPullRequestEvent';

/**
 * Reviews, commits and changed files of up to 100 pull requests in one
 * query, looked up by the node ids the REST list gives. The first 100 of
 * each are read, as the REST endpoints' first pages would give them.
 */
export const PULL_REQUEST_DETAILS_QUERY = `
query PullRequestDetails($ids: [ID!]!) {
  nodes(ids: $ids) {
    ... on PullRequest {
      id
      number
      reviews(first: 100) {
        nodes { databaseId state submittedAt author { login } }
      }
      commits(first: 100) {
        nodes { commit { oid authoredDate } }
      }
      files(first: 100) {
        pageInfo { hasNextPage endCursor }
        nodes { path }
      }
    }
  }
}`;

/** The most ids `nodes(ids:)` takes in one query. */
const IDS_PER_QUERY = 100;

/**
 * The details of pull requests, by number: one GraphQL query per 100 pull
 * requests instead of a reviews and a commits request per pull request
 * (plus a files request for path scoping). A pull request with more than
 * 100 changed files has its whole file list read from
 * `GET /pulls/{n}/files` (GitHub lists at most 3,000). Pull requests
 * without a node id, or that GitHub no longer resolves, get no details.
 */
export async function readPullRequestDetails(
  client: GithubClient,
  target: GithubTarget,
  base: string,
  pulls: GithubPullRequest[],
): Promise<Map<number, PullRequestDetails>> {
  const details = new Map<number, PullRequestDetails>();
  const byId = pulls.filter(p => p.node_id);
  for (let i = 0; i < byId.length; i += IDS_PER_QUERY) {
    const ids = byId.slice(i, i + IDS_PER_QUERY).map(p => p.node_id!);
    const data = await client.graphql<{
      nodes: Array<GraphqlPullRequestDetails | null>;
    }>(target, PULL_REQUEST_DETAILS_QUERY, { ids }, { allowNotFound: true });
    for (const node of data.nodes ?? []) {
      if (!node || typeof node.number !== 'number') continue;
      details.set(node.number, toPullRequestDetails(node));
      if (node.files?.pageInfo.hasNextPage) {
        details.get(node.number)!.files = await readAllFiles(
          client,
          target,
          `${base}/pulls/${node.number}/files?per_page=100`,
        );
      }
    }
  }
  return details;
}

/**
 * The details of one pull request by REST (`path` is `.../pulls/{n}`): the
 * first 100 reviews and commits, and every changed file — what the GraphQL
 * query gives the pull sync, for a caller without the node id (webhooks).
 */
export async function readPullDetails(
  client: GithubClient,
  target: GithubTarget,
  path: string,
): Promise<PullRequestDetails> {
  const [reviews, commits, files] = await Promise.all([
    client.get<GithubReview[]>(target, `${path}/reviews?per_page=100`),
    client.get<GithubCommit[]>(target, `${path}/commits?per_page=100`),
    readAllFiles(client, target, `${path}/files?per_page=100`),
  ]);
  return { reviews: reviews.body ?? [], commits: commits.body ?? [], files };
}

function toPullRequestDetails(
  node: GraphqlPullRequestDetails,
): PullRequestDetails {
  return {
    reviews: (node.reviews?.nodes ?? []).flatMap(review =>
      review
        ? [
            {
              id: review.databaseId ?? 0,
              user: review.author ? { login: review.author.login } : null,
              state: review.state,
              ...(review.submittedAt
                ? { submitted_at: review.submittedAt }
                : {}),
            },
          ]
        : [],
    ),
    commits: (node.commits?.nodes ?? []).flatMap(entry =>
      entry?.commit
        ? [
            {
              sha: entry.commit.oid,
              commit: {
                message: '',
                ...(entry.commit.authoredDate
                  ? { author: { date: entry.commit.authoredDate } }
                  : {}),
              },
            },
          ]
        : [],
    ),
    ...(node.files
      ? { files: node.files.nodes.flatMap(file => (file ? [file.path] : [])) }
      : {}),
  };
}

/** Every changed file of a pull request, renamed ones by both paths. */
async function readAllFiles(
  client: GithubClient,
  target: GithubTarget,
  path: string,
): Promise<string[]> {
  const files: string[] = [];
  await client.paginate<GithubPullRequestFile>(target, path, async page => {
    for (const file of page) files.push(...changedPaths(file));
  });
  return files;
}
