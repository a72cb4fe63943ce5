import { mapWithConcurrency } from '@maturity-for-backstage/backstage-plugin-maturity-node';
import { atOrAfter, isAfter } from '../api/githubTimes';
import { GithubDeployment } from '../api/types';
import { readDeploymentStatuses } from '../events/deployments/readDeploymentStatuses';
import {
  SHIPPED_COMMITS_VERSION,
  ShippedCommits,
} from '../events/deployments/ShippedCommits';
import {
  isDeploymentSettled,
  toDeploymentEvent,
} from '../events/deployments/toDeploymentEvent';
import { forEntities } from '../events/forEntities';
import { RepositoryCursor } from './RepositoryCursor';
import { StreamContext } from './StreamContext';
import { listPages } from './listPages';

type DeploymentsCursor = Pick<
  RepositoryCursor,
  'deployments' | 'shippedCommits' | 'pendingDeployments'
>;

/**
 * Deployments created since the stored position, newest first, with their
 * statuses and the commits they shipped (see `ShippedCommits`); those not
 * settled at the last sync are read again by id until they are. A page is
 * written only once its ranges are read, so a failed look-up replaces
 * nothing stored.
 *
 * Deployments stored before their shipped commits were read (or read
 * another way: `shippedCommits` is not {@link SHIPPED_COMMITS_VERSION}) are
 * read again from the lookback, once, and written for every entity: a
 * deployment's copy needs no look-up a limit could cut short.
 */
export async function syncDeployments(
  context: StreamContext,
  stored: Partial<DeploymentsCursor>,
): Promise<DeploymentsCursor> {
  const { client, repository, base, logger, limits, coverage } = context;
  const backfillRanges = stored.shippedCommits !== SHIPPED_COMMITS_VERSION;
  if (backfillRanges && stored.deployments) {
    logger.info(
      `GitHub ${repository.scope}: reading deployments again from ${coverage.lookbackStart} for the commits they shipped`,
    );
  }
  const deploymentsSince = backfillRanges
    ? coverage.lookbackStart
    : coverage.since(stored.deployments);
  const shipped = new ShippedCommits({
    client,
    target: repository,
    repository,
    base,
    logger,
  });
  const wasPending = new Set(stored.pendingDeployments);
  let newestDeployment: string | undefined;
  const pending = new Set<number>();
  const seen = new Set<number>();

  const writeDeployments = async (deployments: GithubDeployment[]) => {
    const statuses = await mapWithConcurrency(
      deployments,
      limits.concurrency,
      d => readDeploymentStatuses(client, repository, base, d.id),
    );
    deployments.forEach((d, i) => {
      seen.add(d.id);
      if (!isDeploymentSettled(statuses[i])) pending.add(d.id);
      shipped.remember(d.id, statuses[i]);
    });
    const commitShas = await mapWithConcurrency(
      deployments.map((_, i) => i),
      limits.concurrency,
      i => shipped.of(deployments[i], statuses[i]),
    );
    await context.write(
      deployments.flatMap((d, i) =>
        forEntities(
          repository,
          [toDeploymentEvent(d, statuses[i], commitShas[i])],
          wasPending.has(d.id) || backfillRanges
            ? repository.entities
            : coverage.entitiesAt(d.created_at, stored.deployments),
        ),
      ),
    );
  };

  await listPages<GithubDeployment>(
    context,
    `${base}/deployments?per_page=100`,
    async deployments => {
      const inWindow = deployments.filter(d =>
        atOrAfter(d.created_at, deploymentsSince),
      );
      for (const d of inWindow) {
        if (!newestDeployment || isAfter(d.created_at, newestDeployment)) {
          newestDeployment = d.created_at;
        }
      }
      await writeDeployments(inWindow);
      return inWindow.length === deployments.length;
    },
    { fresh: coverage.rereading || backfillRanges },
  );

  const recheck = (stored.pendingDeployments ?? []).filter(id => !seen.has(id));
  const rechecked = await mapWithConcurrency(
    recheck,
    limits.concurrency,
    async id =>
      (
        await client.get<GithubDeployment>(
          repository,
          `${base}/deployments/${id}`,
          { allow: [404] },
        )
      ).body,
  );
  await writeDeployments(rechecked.filter((d): d is GithubDeployment => !!d));

  return {
    // A backfill that finds no deployment leaves the position where it was.
    deployments:
      newestDeployment ??
      (backfillRanges ? stored.deployments : undefined) ??
      deploymentsSince,
    shippedCommits: SHIPPED_COMMITS_VERSION,
    ...(pending.size > 0
      ? { pendingDeployments: [...pending].sort((a, b) => a - b) }
      : {}),
  };
}
