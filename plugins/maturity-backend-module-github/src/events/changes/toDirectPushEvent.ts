import { ChangeEvent } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { GithubCommit } from '../../api/types';
import { GithubRepository } from '../../catalog/readRepositoryMap';
import { Unbound } from '../forEntities';
import { isRevertTitle, linkedIssuesOf, revertedShaOf } from './changeMessages';

/** A commit that reached the default branch without a pull request. */
export function toDirectPushEvent(
  repository: GithubRepository,
  commit: GithubCommit,
  defaultBranch: string,
): Unbound<ChangeEvent> | undefined {
  const mergedAt = commit.commit.committer?.date ?? commit.commit.author?.date;
  if (!mergedAt) return undefined;
  const title = commit.commit.message.split('\n')[0];
  const authoredAt = commit.commit.author?.date;
  const reverts = revertedShaOf(commit.commit.message);
  const author = commit.author?.login ?? commit.commit.author?.name;
  return {
    type: 'change',
    externalId: `${repository.owner}/${repository.repo}@${commit.sha}`,
    kind: 'commit',
    state: 'merged',
    title: title.slice(0, 1024),
    ...(author ? { author: author.slice(0, 255) } : {}),
    targetBranch: defaultBranch,
    sha: commit.sha,
    commitShas: [commit.sha],
    ...(authoredAt ? { authoredAt } : {}),
    mergedAt,
    directPush: true,
    isRevert: isRevertTitle(title),
    ...(reverts ? { revertsSha: reverts } : {}),
    linkedIssues: linkedIssuesOf(commit.commit.message),
    updatedAt: mergedAt,
    ...(commit.html_url ? { url: commit.html_url } : {}),
  };
}
