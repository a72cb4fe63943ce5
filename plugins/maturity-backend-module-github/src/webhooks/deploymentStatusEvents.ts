import { LoggerService } from '@backstage/backend-plugin-api';
import { SourceEvent } from '@maturity-for-backstage/backstage-plugin-maturity-node';
import { GithubClient } from '../api/GithubClient';
import { GithubDeploymentStatus } from '../api/types';
import { GithubRepository } from '../catalog/readRepositoryMap';
import { readDeploymentStatuses } from '../events/deployments/readDeploymentStatuses';
import { ShippedCommits } from '../events/deployments/ShippedCommits';
import { toDeploymentEvent } from '../events/deployments/toDeploymentEvent';
import { forEntities } from '../events/forEntities';
import { repositoryApiPath } from '../catalog/repositoryApiPath';
import { DeploymentStatusWebhook } from './types';

/**
 * Earlier deployments a delivery examines for the previous successful one:
 * fewer than the pull sync's 100, as GitHub waits about 10 s for the
 * answer. Past them the delivery records the deployed SHA alone, and the
 * next pull sync, which reads the deployment too, records its range.
 */
const WEBHOOK_MAX_CANDIDATES = 10;

const newestFirst = (a: GithubDeploymentStatus, b: GithubDeploymentStatus) =>
  Date.parse(b.created_at) - Date.parse(a.created_at) || b.id - a.id;

/**
 * A `deployment_status` delivery as the deployment the pull sync records:
 * its outcome, finish time and link depend on every status, so they are
 * read, as the sync reads them, with the delivered one added should the
 * list not show it yet; and a successful production deployment's shipped
 * commits are read as the sync reads them (see `ShippedCommits`).
 */
export async function deploymentStatusEvents(
  webhook: DeploymentStatusWebhook,
  repository: GithubRepository,
  client: GithubClient,
  logger: LoggerService,
): Promise<SourceEvent[]> {
  const { deployment, deployment_status: delivered } = webhook;
  const base = repositoryApiPath(repository);
  const statuses = await readDeploymentStatuses(
    client,
    repository,
    base,
    deployment.id,
  );
  if (!statuses.some(s => s.id === delivered.id)) statuses.push(delivered);
  statuses.sort(newestFirst);
  const shipped = new ShippedCommits({
    client,
    target: repository,
    repository,
    base,
    logger,
    maxCandidates: WEBHOOK_MAX_CANDIDATES,
  });
  return forEntities(repository, [
    toDeploymentEvent(
      deployment,
      statuses,
      await shipped.of(deployment, statuses),
    ),
  ]);
}
