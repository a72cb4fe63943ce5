import { LoggerService } from '@backstage/backend-plugin-api';
import { GithubClient, GithubTarget } from '../../api/GithubClient';
import { GithubDeployment, GithubDeploymentStatus } from '../../api/types';
import { GithubRepository } from '../../catalog/readRepositoryMap';
import { DeploymentHistory } from './DeploymentHistory';
import { isProductionDeployment } from './isProductionDeployment';
import { MAX_RANGE_COMMITS, readCommitRange } from './readCommitRange';
import { toDeploymentEvent } from './toDeploymentEvent';

/**
 * The version of how shipped commits are read, kept in the cursor: raising
 * it has every repository's stored deployments read again once.
 */
export const SHIPPED_COMMITS_VERSION = 1;

/**
 * The commits each successful production deployment of a repository
 * shipped (docs/scoring.md, "Linking"): those after the previous
 * successful deployment to the same environment up to the deployed SHA, by
 * GitHub's compare API. A GitHub deployment names one SHA; without its
 * range, every pull request merged between two deployments but the head one
 * would link to no deployment and get no lead time.
 *
 * One instance serves one sync or one webhook delivery (it shares the
 * look-ups of earlier deployments between them).
 */
export class ShippedCommits {
  private readonly history: DeploymentHistory;

  constructor(
    private readonly options: {
      client: GithubClient;
      target: GithubTarget;
      repository: GithubRepository;
      /** `/repos/{owner}/{repo}` */
      base: string;
      logger: LoggerService;
      /** See {@link DeploymentHistory}; default 100. */
      maxCandidates?: number;
    },
  ) {
    this.history = new DeploymentHistory(options);
  }

  /**
   * Statuses already read for a deployment (newest first): a look-up that
   * meets it on its way back does not request them again.
   */
  remember(deploymentId: number, statuses: GithubDeploymentStatus[]) {
    this.history.remember(deploymentId, statuses);
  }

  /**
   * The `commitShas` of a deployment with these statuses (newest first),
   * or undefined when only its deployed SHA is known to have shipped: it
   * did not succeed, it is not a production deployment, it is the
   * environment's first, or GitHub cannot compare it with the previous one
   * (a force-pushed base). Empty when it shipped nothing new: a rollback to
   * an older SHA, a redeploy. Throws what the requests throw (the sync then
   * keeps its cursor).
   */
  async of(
    deployment: GithubDeployment,
    statuses: GithubDeploymentStatus[],
  ): Promise<string[] | undefined> {
    const { client, target, repository, base, logger } = this.options;
    this.remember(deployment.id, statuses);
    if (
      toDeploymentEvent(deployment, statuses).status !== 'success' ||
      !isProductionDeployment(repository, deployment.environment)
    ) {
      return undefined;
    }
    const previous = await this.history.previousSuccessful(deployment);
    // Everything before an environment's first deployment would otherwise
    // count as shipped by it, with lead times back to the first commit.
    if (!previous) return undefined;
    if (previous.sha === deployment.sha) return [];
    const range = await readCommitRange(client, target, {
      base,
      from: previous.sha,
      to: deployment.sha,
    });
    const what = `GitHub ${repository.scope}: deployment ${deployment.id} (${deployment.environment})`;
    if (range.kind === 'unknown') {
      logger.info(
        `${what}: GitHub cannot compare ${previous.sha}...${deployment.sha} (${range.status}; a force push?); only the deployed commit is recorded`,
      );
      return undefined;
    }
    if (range.truncated) {
      logger.info(
        `${what} shipped more than ${MAX_RANGE_COMMITS} commits; the oldest ${MAX_RANGE_COMMITS} and the deployed one are recorded; changes only among the rest link to no deployment`,
      );
    }
    return range.shas;
  }
}
