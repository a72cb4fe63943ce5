import { isAfter } from '../api/githubTimes';
import { GithubCommit } from '../api/types';
import { entityPaths } from '../catalog/entityPaths';
import { RepositoryEntity } from '../catalog/readRepositoryMap';
import {
  MergedPullRequests,
  cameThroughPullRequest,
} from '../events/changes/cameThroughPullRequest';
import { toDirectPushEvent } from '../events/changes/toDirectPushEvent';
import { forEntities } from '../events/forEntities';
import { RepositoryCursor } from './RepositoryCursor';
import { StreamContext } from './StreamContext';
import { listPages } from './listPages';

/**
 * Commits on the default branch since the stored position that no pull
 * request brought (`merged`: what the pull request stream saw merged): one
 * list for the whole repository's entities, one per path (`?path=`) for the
 * path-scoped ones.
 */
export async function syncDirectPushes(
  context: StreamContext,
  stored: Pick<Partial<RepositoryCursor>, 'commits'>,
  merged: MergedPullRequests,
): Promise<Pick<RepositoryCursor, 'commits'>> {
  const { repository, base, defaultBranch, coverage } = context;
  const commitsSince = coverage.since(stored.commits);
  let newestCommit: string | undefined;
  const listCommits = (
    path: string | undefined,
    entities: RepositoryEntity[],
  ) =>
    listPages<GithubCommit>(
      context,
      `${base}/commits?${new URLSearchParams({
        sha: defaultBranch,
        since: commitsSince,
        ...(path ? { path } : {}),
        per_page: '100',
      })}`,
      async commits => {
        for (const c of commits) {
          const at = c.commit.committer?.date;
          if (at && (!newestCommit || isAfter(at, newestCommit))) {
            newestCommit = at;
          }
        }
        await context.write(
          commits
            .filter(c => !cameThroughPullRequest(c, merged))
            .flatMap(c => {
              const event = toDirectPushEvent(repository, c, defaultBranch);
              if (!event) return [];
              const at = coverage.entitiesAt(event.mergedAt, stored.commits);
              return forEntities(
                repository,
                [event],
                entities.filter(e => at.includes(e)),
              );
            }),
        );
      },
      { keepEtag: pages => pages === 1 },
    );
  for (const path of entityPaths(repository)) {
    await listCommits(
      path,
      repository.entities.filter(e => e.path === path),
    );
  }
  return { commits: newestCommit ?? commitsSince };
}
