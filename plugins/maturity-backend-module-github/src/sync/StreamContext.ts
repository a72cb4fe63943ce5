import { LoggerService } from '@backstage/backend-plugin-api';
import { SourceEvent } from '@maturity-for-backstage/backstage-plugin-maturity-node';
import { GithubClient } from '../api/GithubClient';
import { GithubRepository } from '../catalog/readRepositoryMap';
import { EntityCoverage } from './EntityCoverage';
import { SyncLimits } from './SyncLimits';

/**
 * What the streams of one repository's sync share. Each stream takes its
 * part of the stored cursor and returns the next one; the orchestrator
 * stores the whole cursor once every stream has succeeded.
 */
export interface StreamContext {
  client: GithubClient;
  repository: GithubRepository;
  /** `/repos/{owner}/{repo}` */
  base: string;
  defaultBranch: string;
  logger: LoggerService;
  limits: SyncLimits;
  now: Date;
  coverage: EntityCoverage;
  /**
   * ETags by request path: `previous` from the stored cursor, `next` filled
   * by the streams for the cursor to be stored. Paths are each stream's own.
   */
  etags: { previous: Record<string, string>; next: Record<string, string> };
  /** Writes events through the sink (all or nothing), counting them. */
  write(events: SourceEvent[]): Promise<void>;
}
