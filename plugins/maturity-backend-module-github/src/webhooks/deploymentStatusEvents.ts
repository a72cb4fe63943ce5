import { SourceEvent } from '@internal/plugin-maturity-node';
import { GithubClient } from '../api/GithubClient';
import { GithubDeploymentStatus } from '../api/types';
import { GithubRepository } from '../catalog/readRepositoryMap';
import { forEntities, toDeploymentEvent } from '../sync/toEvents';
import { repositoryApiPath } from './repositoryApiPath';
import { DeploymentStatusWebhook } from './types';

const newestFirst = (a: GithubDeploymentStatus, b: GithubDeploymentStatus) =>
  Date.parse(b.created_at) - Date.parse(a.created_at) || b.id - a.id;

/**
 * A `deployment_status` delivery as the deployment the pull sync records:
 * its outcome, finish time and link depend on every status, so they are
 * read, as the sync reads them, with the delivered one added should the
 * list not show it yet.
 */
export async function deploymentStatusEvents(
  webhook: DeploymentStatusWebhook,
  repository: GithubRepository,
  client: GithubClient,
): Promise<SourceEvent[]> {
  const { deployment, deployment_status: delivered } = webhook;
  const listed = await client.get<GithubDeploymentStatus[]>(
    repository,
    `${repositoryApiPath(repository)}/deployments/${
      deployment.id
    }/statuses?per_page=100`,
  );
  const statuses = listed.body ?? [];
  if (!statuses.some(s => s.id === delivered.id)) statuses.push(delivered);
  return forEntities(repository, [
    toDeploymentEvent(deployment, statuses.sort(newestFirst)),
  ]);
}
