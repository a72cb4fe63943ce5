import { GithubCommit } from '../../api/types';

/** What the pull requests merged in a sync's window leave on the default branch. */
export interface MergedPullRequests {
  /** Merge, head and commit SHAs. */
  shas: Set<string>;
  /** Merge times, in epoch milliseconds. */
  mergedAt: number[];
}

const PR_MERGE_MESSAGE = /^Merge pull request #\d+|\(#\d+\)\s*$/;

/**
 * Whether a default-branch commit came through a pull request: its SHA is a
 * merged pull request's merge, head or commit, its first line is GitHub's
 * merge or squash message, or (rebase merges) GitHub committed it within
 * seconds of a pull request's merge.
 */
export function cameThroughPullRequest(
  commit: GithubCommit,
  merged: MergedPullRequests,
): boolean {
  if (merged.shas.has(commit.sha)) return true;
  const title = commit.commit.message.split('\n')[0];
  if (PR_MERGE_MESSAGE.test(title)) return true;
  const committed = Date.parse(commit.commit.committer?.date ?? '');
  return (
    commit.commit.committer?.name === 'GitHub' &&
    merged.mergedAt.some(at => Math.abs(at - committed) <= 5_000)
  );
}
