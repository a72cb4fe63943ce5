import { ChangeEvent } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { GithubCommit, GithubPullRequest, GithubReview } from '../../api/types';
import { GithubRepository } from '../../catalog/readRepositoryMap';
import { Unbound } from '../forEntities';
import { isRevertTitle, linkedIssuesOf, revertedShaOf } from './changeMessages';

/** The details read for a pull request. */
export interface PullRequestDetails {
  reviews: GithubReview[];
  commits: GithubCommit[];
  /** Paths of the files it changes, when read. */
  files?: string[];
}

/** A pull request as a change, with its reviews and commits when read. */
export function toPullRequestEvent(
  repository: GithubRepository,
  pull: GithubPullRequest,
  details?: PullRequestDetails,
): Unbound<ChangeEvent> {
  let state: ChangeEvent['state'] = pull.state === 'closed' ? 'closed' : 'open';
  if (pull.merged_at) state = 'merged';
  const author = pull.user?.login;
  const reviews = (details?.reviews ?? [])
    .filter(
      r =>
        r.state !== 'PENDING' &&
        r.submitted_at &&
        r.user?.login !== author &&
        Date.parse(r.submitted_at) >= Date.parse(pull.created_at),
    )
    .sort((a, b) => Date.parse(a.submitted_at!) - Date.parse(b.submitted_at!));
  const approval = reviews.find(r => r.state === 'APPROVED');
  const commits = details?.commits ?? [];
  const authoredAt = commits[0]?.commit.author?.date;
  const reverts = revertedShaOf(pull.body);
  const labels = (pull.labels ?? []).map(l => l.name.slice(0, 255));
  return {
    type: 'change',
    externalId: `${repository.owner}/${repository.repo}#${pull.number}`,
    kind: 'pull_request',
    state,
    title: pull.title.slice(0, 1024),
    ...(author ? { author } : {}),
    targetBranch: pull.base.ref.slice(0, 255),
    ...(state === 'merged' && pull.merge_commit_sha
      ? { sha: pull.merge_commit_sha }
      : {}),
    ...(details ? { commitShas: commits.map(c => c.sha).slice(0, 1000) } : {}),
    ...(authoredAt ? { authoredAt } : {}),
    openedAt: pull.created_at,
    ...(reviews[0] ? { firstReviewAt: reviews[0].submitted_at } : {}),
    ...(approval ? { approvedAt: approval.submitted_at } : {}),
    ...(pull.merged_at ? { mergedAt: pull.merged_at } : {}),
    ...(pull.closed_at ? { closedAt: pull.closed_at } : {}),
    ...(details ? { reviewCount: reviews.length } : {}),
    isRevert: isRevertTitle(pull.title),
    ...(reverts ? { revertsSha: reverts } : {}),
    ...(labels.length > 0 ? { labels } : {}),
    linkedIssues: linkedIssuesOf(pull.title, pull.body),
    updatedAt: pull.updated_at,
    ...(pull.html_url ? { url: pull.html_url } : {}),
  };
}
