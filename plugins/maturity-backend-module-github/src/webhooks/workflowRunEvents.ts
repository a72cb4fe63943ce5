import { SourceEvent } from '@maturity-for-backstage/backstage-plugin-maturity-node';
import { GithubClient } from '../api/GithubClient';
import { GithubRepository } from '../catalog/readRepositoryMap';
import { readRunSteps } from '../events/builds/readRunSteps';
import { toBuildEvent } from '../events/builds/toBuildEvent';
import { forEntities } from '../events/forEntities';
import { repositoryApiPath } from '../catalog/repositoryApiPath';
import { WorkflowRunWebhook } from './types';

/**
 * A `workflow_run` delivery as the build the pull sync records for the run:
 * a completed run's jobs are read for its step kinds, as the sync reads
 * them, so the two never disagree about the same run.
 */
export async function workflowRunEvents(
  webhook: WorkflowRunWebhook,
  repository: GithubRepository,
  client: GithubClient,
): Promise<SourceEvent[]> {
  const run = webhook.workflow_run;
  const steps =
    run.status === 'completed'
      ? await readRunSteps(
          client,
          repository,
          repositoryApiPath(repository),
          run.id,
        )
      : undefined;
  return forEntities(repository, [
    toBuildEvent(run, webhook.repository.default_branch, steps),
  ]);
}
