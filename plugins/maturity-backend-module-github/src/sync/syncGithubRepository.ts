import { LoggerService } from '@backstage/backend-plugin-api';
import {
  MaturityEventSink,
  SourceEvent,
} from '@maturity-for-backstage/backstage-plugin-maturity-node';
import { GithubClient } from '../api/GithubClient';
import { DAY_MS } from '../api/githubTimes';
import { GithubRepo } from '../api/types';
import { GithubRepository } from '../catalog/readRepositoryMap';
import { repositoryApiPath } from '../catalog/repositoryApiPath';
import { EntityCoverage } from './EntityCoverage';
import { RepositoryCursor, parseRepositoryCursor } from './RepositoryCursor';
import { StreamContext } from './StreamContext';
import { DEFAULT_SYNC_LIMITS, SyncLimits } from './SyncLimits';
import { syncDeployments } from './syncDeployments';
import { syncDirectPushes } from './syncDirectPushes';
import { syncPullRequests } from './syncPullRequests';
import { syncRepositoryFacts } from './syncRepositoryFacts';
import { syncWorkflowRuns } from './syncWorkflowRuns';

/** Outcome of one repository's sync. */
export interface RepositorySyncResult {
  scope: string;
  created: number;
  updated: number;
  unchanged: number;
  /** The cursor stored at the end; absent when the sync failed. */
  cursor?: RepositoryCursor;
  error?: Error;
}

/**
 * One pull of a repository: workflow runs, deployments, pull requests,
 * direct pushes and repository facts since its cursor (or the lookback),
 * one stream after the other, each from its part of the cursor. Each page
 * is written before the next is read; the cursor moves only after every
 * stream has succeeded, so a failure anywhere leaves it where it was and
 * the next run re-reads (writes are idempotent). An entity the cursor was
 * not built for gets the repository's history (see `EntityCoverage`).
 *
 * Entities scoped to a path of the repository (`maturity.io/github-path`)
 * get the pull requests and default-branch commits that change files under
 * it, and file facts of that path; runs and deployments carry no path and
 * go to every entity of the repository.
 */
export async function syncGithubRepository(options: {
  client: GithubClient;
  sink: MaturityEventSink;
  repository: GithubRepository;
  logger: LoggerService;
  initialLookbackDays: number;
  now: Date;
  limits?: Partial<SyncLimits>;
  /** Scopes already warned about a missing admin permission. */
  warnedProtection?: Set<string>;
}): Promise<RepositorySyncResult> {
  const { client, sink, repository, now, logger } = options;
  const base = repositoryApiPath(repository);
  const stored = parseRepositoryCursor(await sink.getCursor(repository.scope));
  const lookbackStart = new Date(
    now.getTime() - options.initialLookbackDays * DAY_MS,
  ).toISOString();
  const coverage = new EntityCoverage(
    repository,
    stored.entityRefs,
    lookbackStart,
  );
  if (coverage.rereading) {
    const added = coverage.added.map(e => e.entityRef).join(', ');
    logger.info(
      `GitHub ${repository.scope}: ${added} newly mapped; reading again from ${lookbackStart}`,
    );
  }
  const result: RepositorySyncResult = {
    scope: repository.scope,
    created: 0,
    updated: 0,
    unchanged: 0,
  };
  const write = async (events: SourceEvent[]) => {
    if (events.length === 0) return;
    const written = await sink.write(events);
    result.created += written.created;
    result.updated += written.updated;
    result.unchanged += written.unchanged;
  };

  const { body: repo } = await client.get<GithubRepo>(repository, base);
  const context: StreamContext = {
    client,
    repository,
    base,
    defaultBranch: repo!.default_branch,
    logger,
    limits: { ...DEFAULT_SYNC_LIMITS, ...options.limits },
    now,
    coverage,
    etags: { previous: stored.etags ?? {}, next: {} },
    write,
  };
  const runs = await syncWorkflowRuns(context, stored);
  const deployments = await syncDeployments(context, stored);
  const pulls = await syncPullRequests(context, stored);
  const commits = await syncDirectPushes(context, stored, pulls.merged);
  const facts = await syncRepositoryFacts(
    context,
    stored,
    options.warnedProtection,
  );

  const cursor: RepositoryCursor = {
    ...runs,
    ...deployments,
    ...pulls.cursor,
    ...commits,
    etags: context.etags.next,
    ...facts,
    entityRefs: repository.entities.map(e => e.entityRef).sort(),
  };
  await sink.setCursor(repository.scope, JSON.stringify(cursor));
  result.cursor = cursor;
  return result;
}
