import { GithubClient, GithubTarget } from '../../api/GithubClient';
import { GithubDeploymentStatus } from '../../api/types';

/**
 * A deployment's statuses, newest first as GitHub lists them (the first
 * 100): what its outcome, finish time and link are read from.
 */
export async function readDeploymentStatuses(
  client: GithubClient,
  target: GithubTarget,
  /** `/repos/{owner}/{repo}` */
  base: string,
  deploymentId: number,
): Promise<GithubDeploymentStatus[]> {
  const page = await client.get<GithubDeploymentStatus[]>(
    target,
    `${base}/deployments/${deploymentId}/statuses?per_page=100`,
  );
  return page.body ?? [];
}
