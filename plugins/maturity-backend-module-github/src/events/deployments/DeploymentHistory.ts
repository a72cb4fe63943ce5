import {
  GithubClient,
  GithubResponse,
  GithubTarget,
} from '../../api/GithubClient';
import { GithubDeployment, GithubDeploymentStatus } from '../../api/types';
import { readDeploymentStatuses } from './readDeploymentStatuses';
import { toDeploymentEvent } from './toDeploymentEvent';

/** Deployments examined by one look-up, unless told otherwise. */
const DEFAULT_MAX_CANDIDATES = 100;

interface EnvironmentPage {
  deployments: GithubDeployment[];
  next?: string;
}

/** Whether `a` was created before `b`, in GitHub's listing order. */
const createdBefore = (a: GithubDeployment, b: GithubDeployment) => {
  const at = Date.parse(a.created_at) - Date.parse(b.created_at);
  return at < 0 || (at === 0 && a.id < b.id);
};

/**
 * A repository's deployments, environment by environment, newest first as
 * GitHub lists them (`/deployments?environment=`), read only as far back as
 * a look-up needs and each page and status list once: one history serves
 * every deployment of a sync (or a webhook delivery), however many look-ups
 * run at once.
 */
export class DeploymentHistory {
  private readonly pages = new Map<
    string,
    Array<Promise<EnvironmentPage | undefined>>
  >();
  private readonly statuses = new Map<
    number,
    Promise<GithubDeploymentStatus[]>
  >();

  constructor(
    private readonly options: {
      client: GithubClient;
      target: GithubTarget;
      /** `/repos/{owner}/{repo}` */
      base: string;
      /**
       * Deployments examined by one look-up before it gives up (default
       * 100): a deployment after that many unsuccessful ones is treated as
       * having no predecessor.
       */
      maxCandidates?: number;
    },
  ) {}

  /** Statuses already read elsewhere (newest first): not requested again. */
  remember(deploymentId: number, statuses: GithubDeploymentStatus[]) {
    this.statuses.set(deploymentId, Promise.resolve(statuses));
  }

  /**
   * The latest deployment to the same environment created before
   * `deployment` that succeeded (as the sync records it: an `inactive` one
   * that had succeeded counts), or undefined when there is none within
   * the look-up bound: the environment's first deployment.
   */
  async previousSuccessful(
    deployment: GithubDeployment,
  ): Promise<GithubDeployment | undefined> {
    const limit = this.options.maxCandidates ?? DEFAULT_MAX_CANDIDATES;
    let examined = 0;
    for (let index = 0; ; index++) {
      const page = await this.page(deployment.environment, index);
      if (!page) return undefined;
      for (const candidate of page.deployments) {
        // The filter is GitHub's; checked again so that a listing that
        // ignored it cannot pair two environments.
        if (
          candidate.environment !== deployment.environment ||
          !createdBefore(candidate, deployment)
        ) {
          continue;
        }
        if (examined++ >= limit) return undefined;
        const statuses = await this.statusesOf(candidate.id);
        if (toDeploymentEvent(candidate, statuses).status === 'success') {
          return candidate;
        }
      }
    }
  }

  private page(
    environment: string,
    index: number,
  ): Promise<EnvironmentPage | undefined> {
    let pages = this.pages.get(environment);
    if (!pages) {
      pages = [];
      this.pages.set(environment, pages);
    }
    if (!pages[index]) {
      const { base } = this.options;
      pages[index] =
        index === 0
          ? this.readPage(
              `${base}/deployments?${new URLSearchParams({
                environment,
                per_page: '100',
              })}`,
            )
          : this.page(environment, index - 1).then(previous =>
              previous?.next ? this.readPage(previous.next) : undefined,
            );
    }
    return pages[index];
  }

  private async readPage(pathOrUrl: string): Promise<EnvironmentPage> {
    const { client, target } = this.options;
    const page: GithubResponse<GithubDeployment[]> = await client.get(
      target,
      pathOrUrl,
    );
    return { deployments: page.body ?? [], next: page.next };
  }

  private statusesOf(deploymentId: number) {
    let read = this.statuses.get(deploymentId);
    if (!read) {
      const { client, target, base } = this.options;
      read = readDeploymentStatuses(client, target, base, deploymentId);
      this.statuses.set(deploymentId, read);
    }
    return read;
  }
}
