import { GithubRepository } from './readRepositoryMap';

/** `/repos/{owner}/{repo}`, the REST path of a mapped repository. */
export function repositoryApiPath(repository: GithubRepository): string {
  return `/repos/${encodeURIComponent(repository.owner)}/${encodeURIComponent(
    repository.repo,
  )}`;
}
