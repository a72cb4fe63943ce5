import { SourceEvent } from '@maturity-for-backstage/backstage-plugin-maturity-node';
import { GithubClient } from '../api/GithubClient';
import { GithubRepository } from '../catalog/readRepositoryMap';
import { pullRequestForEntities } from '../events/changes/pullRequestForEntities';
import {
  readPullDetails,
  readPullRequestDetails,
} from '../events/changes/readPullRequestDetails';
import { repositoryApiPath } from '../catalog/repositoryApiPath';
import { PullRequestWebhook } from './types';

/**
 * A `pull_request` delivery as the change events the pull sync records: its
 * reviews, commits and changed files are read with the sync's query (by the
 * REST endpoints should the payload lack the node id), and it goes to the
 * entities whose paths it changes. A pull request GitHub cannot resolve is
 * not written: without its details it would replace the sync's record.
 */
export async function pullRequestEvents(
  webhook: PullRequestWebhook,
  repository: GithubRepository,
  client: GithubClient,
): Promise<SourceEvent[]> {
  const pull = webhook.pull_request;
  const base = repositoryApiPath(repository);
  const details = pull.node_id
    ? (await readPullRequestDetails(client, repository, base, [pull])).get(
        pull.number,
      )
    : await readPullDetails(client, repository, `${base}/pulls/${pull.number}`);
  if (!details) {
    throw new Error(
      `GitHub did not resolve pull request #${pull.number} (${pull.node_id})`,
    );
  }
  return pullRequestForEntities(repository, pull, details);
}
