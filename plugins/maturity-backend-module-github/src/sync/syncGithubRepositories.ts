import { LoggerService } from '@backstage/backend-plugin-api';
import {
  MaturityEventSink,
  mapWithConcurrency,
} from '@maturity-for-backstage/backstage-plugin-maturity-node';
import { GithubClient } from '../api/GithubClient';
import { RepositoryMap } from '../catalog/readRepositoryMap';
import { SyncLimits } from './SyncLimits';
import {
  RepositorySyncResult,
  syncGithubRepository,
} from './syncGithubRepository';

/**
 * One pull of every mapped repository, at most `maxConcurrency` at once. A
 * failing repository keeps its cursor and does not stop the others.
 */
export async function syncGithubRepositories(options: {
  client: GithubClient;
  sink: MaturityEventSink;
  repositories: RepositoryMap;
  logger: LoggerService;
  initialLookbackDays: number;
  maxConcurrency: number;
  now?: Date;
  limits?: Partial<SyncLimits>;
  warnedProtection?: Set<string>;
}): Promise<RepositorySyncResult[]> {
  const now = options.now ?? new Date();
  return mapWithConcurrency(
    [...options.repositories.values()],
    options.maxConcurrency,
    async repository => {
      try {
        const result = await syncGithubRepository({
          ...options,
          repository,
          now,
        });
        options.logger.info(
          `GitHub ${repository.scope}: ${result.created} new, ${result.updated} updated, ${result.unchanged} unchanged events`,
        );
        return result;
      } catch (e) {
        const error = e instanceof Error ? e : new Error(String(e));
        options.logger.error(
          `GitHub sync of ${repository.scope} failed; it resumes from its last position next run: ${error.message}`,
        );
        return {
          scope: repository.scope,
          created: 0,
          updated: 0,
          unchanged: 0,
          error,
        };
      }
    },
  );
}
