import {
  GithubClient,
  GithubResponse,
  GithubTarget,
} from '../../api/GithubClient';
import { GithubCommitComparison } from '../../api/types';

/**
 * The most commits one deployment records: the ingest schema's limit on a
 * deployment's `commitShas`, and 10 pages of GitHub's largest page size.
 */
export const MAX_RANGE_COMMITS = 1000;

/** Commits per compare page: GitHub's largest `per_page`. */
const PAGE_SIZE = 100;

/** What a comparison of two deployed SHAs says a deployment shipped. */
export type CommitRange =
  /**
   * The commits after `base` up to `head`, oldest first. `truncated`: the
   * range holds more than {@link MAX_RANGE_COMMITS}, and only its oldest
   * ones are here.
   */
  | { kind: 'range'; shas: string[]; truncated: boolean }
  /** GitHub cannot compare them: a SHA is gone (a force push) or unrelated. */
  | { kind: 'unknown'; status: number };

/**
 * Reads the commits reachable from `head` and not from `base` with GitHub's
 * compare API, page by page (`per_page`, then the `Link` header; without
 * a paging parameter GitHub lists at most 250 commits). A head behind or
 * identical to its base (a rollback, a redeploy) shipped nothing new: an
 * empty range. A head that diverged from its base shipped the commits only
 * it has. 404 and 422 (a SHA unknown to GitHub, or no common history) give
 * `unknown`; any other failure throws, under the client's retry policy.
 *
 * Past {@link MAX_RANGE_COMMITS}, the oldest ones are kept: they are the
 * ones GitHub lists first, and dropping the newest never leaves the
 * longest-waiting changes out of lead time (the bias ranges exist to undo).
 */
export async function readCommitRange(
  client: GithubClient,
  target: GithubTarget,
  request: { base: string; from: string; to: string },
): Promise<CommitRange> {
  const enc = encodeURIComponent;
  let next: string | undefined = `${request.base}/compare/${enc(
    request.from,
  )}...${enc(request.to)}?per_page=${PAGE_SIZE}`;
  const shas: string[] = [];
  while (next) {
    const page: GithubResponse<GithubCommitComparison> = await client.get(
      target,
      next,
      { allow: [404, 422] },
    );
    if (!page.body) return { kind: 'unknown', status: page.status };
    const { status, commits } = page.body;
    // `git log base..head` of a head behind its base is empty already; the
    // status says so without trusting the list.
    if (status === 'behind' || status === 'identical') {
      return { kind: 'range', shas: [], truncated: false };
    }
    for (const commit of commits ?? []) {
      if (shas.length === MAX_RANGE_COMMITS) {
        return { kind: 'range', shas, truncated: true };
      }
      shas.push(commit.sha);
    }
    next = page.next;
    if (next && shas.length === MAX_RANGE_COMMITS) {
      return { kind: 'range', shas, truncated: true };
    }
  }
  return { kind: 'range', shas, truncated: false };
}
