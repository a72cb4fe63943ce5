import {
  GithubRepository,
  RepositoryMap,
  repositoryScope,
} from '../catalog/readRepositoryMap';
import { GithubWebhookRepository } from './types';

/**
 * The mapped repository a delivery is about, keyed as the repository map
 * keys it: `owner/repo` on github.com, `host/owner/repo` on GitHub
 * Enterprise, case-insensitively. Undefined when no entity is annotated
 * with it.
 */
export function findWebhookRepository(
  repositories: RepositoryMap,
  repository: GithubWebhookRepository,
): GithubRepository | undefined {
  let host: string;
  try {
    host = new URL(repository.html_url).host;
  } catch {
    return undefined;
  }
  return repositories.get(repositoryScope(host, repository.full_name));
}
