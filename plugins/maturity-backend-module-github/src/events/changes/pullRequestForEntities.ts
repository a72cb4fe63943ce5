import { SourceEvent } from '@maturity-for-backstage/backstage-plugin-maturity-node';
import { GithubPullRequest } from '../../api/types';
import { GithubRepository } from '../../catalog/readRepositoryMap';
import { isUnderPath } from '../../catalog/entityPaths';
import { forEntities } from '../forEntities';
import { classifyChangedFiles } from './classifyChangedFiles';
import { PullRequestDetails, toPullRequestEvent } from './toPullRequestEvent';

/**
 * A pull request as the events of the entities it belongs to: every entity
 * of the whole repository, and each entity scoped to a path
 * (`maturity.io/github-path`) whose path it changes. Without its file list
 * only the whole-repository entities get it. With the file list, each copy
 * says whether the pull request touches source and tests (under the
 * entity's path, for a path-scoped one).
 */
export function pullRequestForEntities(
  repository: GithubRepository,
  pull: GithubPullRequest,
  details?: PullRequestDetails,
): SourceEvent[] {
  const event = toPullRequestEvent(repository, pull, details);
  const files = details?.files;
  return repository.entities.flatMap(entity => {
    if (!files) {
      return entity.path ? [] : forEntities(repository, [event], [entity]);
    }
    const touched = files.filter(file => isUnderPath(file, entity.path));
    if (entity.path && touched.length === 0) return [];
    return forEntities(
      repository,
      [{ ...event, ...classifyChangedFiles(touched) }],
      [entity],
    );
  });
}
