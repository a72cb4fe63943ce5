import { GithubClient, GithubTarget } from '../../api/GithubClient';
import { GithubJobsPage } from '../../api/types';
import { classifyStepNames } from './classifyStepNames';

/**
 * The step kinds of a run, from the names of its jobs and their steps: the
 * pull sync and the `workflow_run` webhook read them alike, so the two never
 * disagree.
 */
export async function readRunSteps(
  client: GithubClient,
  target: GithubTarget,
  /** `/repos/{owner}/{repo}` */
  base: string,
  runId: number,
) {
  const { body } = await client.get<GithubJobsPage>(
    target,
    `${base}/actions/runs/${runId}/jobs?per_page=100`,
  );
  const jobs = body?.jobs ?? [];
  return classifyStepNames(
    jobs.flatMap(job => [job.name, ...(job.steps ?? []).map(s => s.name)]),
  );
}
