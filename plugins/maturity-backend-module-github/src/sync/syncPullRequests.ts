import { atOrAfter, isAfter } from '../api/githubTimes';
import { GithubPullRequest } from '../api/types';
import { MergedPullRequests } from '../events/changes/cameThroughPullRequest';
import { pullRequestForEntities } from '../events/changes/pullRequestForEntities';
import { readPullRequestDetails } from '../events/changes/readPullRequestDetails';
import { RepositoryCursor } from './RepositoryCursor';
import { StreamContext } from './StreamContext';
import { listPages } from './listPages';

/**
 * Pull requests updated since the stored position, by last update, with
 * their reviews, commits and files in one GraphQL query per page (up to
 * `limits.pullDetails`). Also returns what the merged ones left on the
 * default branch, which the direct pushes leave out.
 */
export async function syncPullRequests(
  context: StreamContext,
  stored: Pick<Partial<RepositoryCursor>, 'pulls'>,
): Promise<{
  cursor: Pick<RepositoryCursor, 'pulls'>;
  merged: MergedPullRequests;
}> {
  const { client, repository, base, logger, limits, coverage } = context;
  const pullsSince = coverage.since(stored.pulls);
  let newestPull: string | undefined;
  let pullDetails = limits.pullDetails;
  let undetailed = 0;
  const merged: MergedPullRequests = { shas: new Set(), mergedAt: [] };
  await listPages<GithubPullRequest>(
    context,
    `${base}/pulls?state=all&sort=updated&direction=desc&per_page=100`,
    async pulls => {
      const inWindow = pulls.filter(p => atOrAfter(p.updated_at, pullsSince));
      const detailed = inWindow.slice(0, Math.max(pullDetails, 0));
      pullDetails -= detailed.length;
      undetailed += inWindow.length - detailed.length;
      const details = await readPullRequestDetails(
        client,
        repository,
        base,
        detailed,
      );
      for (const pull of inWindow) {
        if (!newestPull || isAfter(pull.updated_at, newestPull)) {
          newestPull = pull.updated_at;
        }
        if (!pull.merged_at) continue;
        merged.mergedAt.push(Date.parse(pull.merged_at));
        merged.shas.add(pull.head.sha);
        if (pull.merge_commit_sha) merged.shas.add(pull.merge_commit_sha);
        details.get(pull.number)?.commits.forEach(c => merged.shas.add(c.sha));
      }
      await context.write(
        inWindow.flatMap(pull =>
          pullRequestForEntities(
            {
              ...repository,
              entities: coverage.entitiesAt(pull.updated_at, stored.pulls),
            },
            pull,
            details.get(pull.number),
          ),
        ),
      );
      return inWindow.length === pulls.length;
    },
  );
  if (undetailed > 0) {
    logger.info(
      `GitHub ${repository.scope}: read reviews, commits and files of ${limits.pullDetails} pull requests; later ones are stored without them (and not for path-scoped entities)`,
    );
  }
  return { cursor: { pulls: newestPull ?? pullsSince }, merged };
}
