import { mapWithConcurrency } from '@maturity-for-backstage/backstage-plugin-maturity-node';
import { isAfter } from '../api/githubTimes';
import { GithubWorkflowRun } from '../api/types';
import { readRunSteps } from '../events/builds/readRunSteps';
import { toBuildEvent } from '../events/builds/toBuildEvent';
import { forEntities } from '../events/forEntities';
import { RepositoryCursor } from './RepositoryCursor';
import { StreamContext } from './StreamContext';
import { listPages } from './listPages';

/**
 * Workflow runs created since the stored position, newest first, as
 * builds; the jobs of completed runs (up to `limits.jobLookups`) give their
 * step kinds. The next position is the oldest unfinished run, so that it is
 * read again until it completes, else the newest run seen.
 */
export async function syncWorkflowRuns(
  context: StreamContext,
  stored: Pick<Partial<RepositoryCursor>, 'runs'>,
): Promise<Pick<RepositoryCursor, 'runs'>> {
  const { client, repository, base, defaultBranch, limits, coverage } = context;
  const runsSince = coverage.since(stored.runs);
  let newestRun: string | undefined;
  let oldestUnfinished: string | undefined;
  let jobLookups = limits.jobLookups;
  await listPages<GithubWorkflowRun>(
    context,
    `${base}/actions/runs?${new URLSearchParams({
      created: `>=${runsSince}`,
      per_page: '100',
    })}`,
    async runs => {
      const steps = await mapWithConcurrency(runs, limits.concurrency, run => {
        if (run.status !== 'completed' || jobLookups <= 0) {
          return Promise.resolve(undefined);
        }
        jobLookups--;
        return readRunSteps(client, repository, base, run.id);
      });
      await context.write(
        runs.flatMap((run, i) =>
          forEntities(
            repository,
            [toBuildEvent(run, defaultBranch, steps[i])],
            coverage.entitiesAt(run.created_at, stored.runs),
          ),
        ),
      );
      for (const run of runs) {
        if (!newestRun || isAfter(run.created_at, newestRun)) {
          newestRun = run.created_at;
        }
        if (
          run.status !== 'completed' &&
          (!oldestUnfinished || isAfter(oldestUnfinished, run.created_at))
        ) {
          oldestUnfinished = run.created_at;
        }
      }
    },
    {
      select: body => body.workflow_runs,
      // A later page's changes do not show in the first page's ETag.
      keepEtag: pages => pages === 1,
    },
  );
  if (jobLookups <= 0) {
    context.logger.info(
      `GitHub ${repository.scope}: read the jobs of ${limits.jobLookups} runs; later runs are stored without step kinds`,
    );
  }
  return { runs: oldestUnfinished ?? newestRun ?? runsSince };
}
