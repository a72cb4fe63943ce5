import {
  SourceEvent,
  mapWithConcurrency,
} from '@maturity-for-backstage/backstage-plugin-maturity-node';
import { GithubClient } from '../api/GithubClient';
import { GithubCommitWithFiles, GithubPullRequest } from '../api/types';
import { changedPaths } from '../events/changes/changedPaths';
import { GithubRepository } from '../catalog/readRepositoryMap';
import { isUnderPath } from '../catalog/entityPaths';
import {
  MergedPullRequests,
  cameThroughPullRequest,
} from '../events/changes/cameThroughPullRequest';
import { toDirectPushEvent } from '../events/changes/toDirectPushEvent';
import { forEntities } from '../events/forEntities';
import { repositoryApiPath } from '../catalog/repositoryApiPath';
import { PushWebhook } from './types';

/** Commits of one push looked up at most; the pull sync reads any others. */
export const MAX_PUSH_LOOKUPS = 20;
const CONCURRENCY = 4;
const NO_PULLS: MergedPullRequests = { shas: new Set(), mergedAt: [] };

/**
 * A direct push as the events of the entities it belongs to: every entity
 * of the whole repository, and each path-scoped one whose path it changes,
 * as the sync's per-path commit lists give them.
 */
function directPushForEntities(
  repository: GithubRepository,
  commit: GithubCommitWithFiles,
  defaultBranch: string,
): SourceEvent[] {
  const event = toDirectPushEvent(repository, commit, defaultBranch);
  if (!event) return [];
  const files = (commit.files ?? []).flatMap(changedPaths);
  const entities = repository.entities.filter(
    entity =>
      !entity.path || files.some(file => isUnderPath(file, entity.path)),
  );
  return forEntities(repository, [event], entities);
}

/**
 * A `push` to the default branch as the direct pushes the pull sync records:
 * commits that no pull request brought. A commit whose message is GitHub's
 * merge or squash message needs no request; for any other, GitHub is asked
 * which merged pull request introduced it (`/commits/{sha}/pulls`), and a
 * commit that none did is read (`/commits/{sha}`) for its author, dates and
 * files. Only the newest {@link MAX_PUSH_LOOKUPS} commits of a push are
 * looked up.
 */
export async function pushEvents(
  webhook: PushWebhook,
  repository: GithubRepository,
  client: GithubClient,
): Promise<SourceEvent[]> {
  const base = repositoryApiPath(repository);
  const candidates = webhook.commits
    .filter(c => !cameThroughPullRequest({ sha: c.id, commit: c }, NO_PULLS))
    .slice(-MAX_PUSH_LOOKUPS);
  const direct = await mapWithConcurrency(
    candidates,
    CONCURRENCY,
    async ({ id }) => {
      const pulls = await client.get<GithubPullRequest[]>(
        repository,
        `${base}/commits/${id}/pulls`,
      );
      if ((pulls.body ?? []).some(pull => pull.merged_at)) return undefined;
      const commit = await client.get<GithubCommitWithFiles>(
        repository,
        `${base}/commits/${id}`,
      );
      return commit.body;
    },
  );
  const defaultBranch = webhook.repository.default_branch;
  return direct.flatMap(commit =>
    commit ? directPushForEntities(repository, commit, defaultBranch) : [],
  );
}
