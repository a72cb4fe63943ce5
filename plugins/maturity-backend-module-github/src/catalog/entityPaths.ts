import { GithubRepository } from './readRepositoryMap';

/**
 * Whether a repository file lies under an entity's path
 * (`maturity.io/github-path`); every file does for an entity without one.
 */
export function isUnderPath(file: string, path: string | undefined): boolean {
  return !path || file === path || file.startsWith(`${path}/`);
}

/**
 * The distinct paths a repository's entities are scoped to, `undefined`
 * standing for the entities of the whole repository, in the entities' order.
 */
export function entityPaths(
  repository: GithubRepository,
): Array<string | undefined> {
  return [...new Set(repository.entities.map(e => e.path))];
}
