import { LoggerService } from '@backstage/backend-plugin-api';
import { RepoFactValue } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import {
  MaturityEventSink,
  SourceEvent,
  mapWithConcurrency,
} from '@maturity-for-backstage/backstage-plugin-maturity-node';
import { GithubClient, GithubTarget } from '../api/GithubClient';
import {
  GithubCommit,
  GithubDeployment,
  GithubDeploymentStatus,
  GithubJobsPage,
  GithubPullRequest,
  GithubRepo,
  GithubTree,
  GithubWorkflowRun,
} from '../api/types';
import { GithubRepository } from '../catalog/readRepositoryMap';
import { classifyStepNames } from './classifyStepNames';
import { countStaleBranches } from './countStaleBranches';
import { entityPaths } from './entityPaths';
import { pullRequestForEntities } from './pullRequestForEntities';
import { readBranchProtectionFacts } from './readBranchProtectionFacts';
import { ConditionalReads } from './readConditionally';
import {
  MANIFEST_READING_VERSION,
  readManifestFacts,
} from './readManifestFacts';
import { readPullRequestDetails } from './readPullRequestDetails';

// The webhook handlers read a single pull request's details by REST.
export { readPullDetails } from './readPullRequestDetails';
import { readReleaseFacts } from './readReleaseFacts';
import { repoFactsFromTree } from './repoFactsFromTree';
import { RepositoryCursor, parseRepositoryCursor } from './RepositoryCursor';
import { SHIPPED_COMMITS_VERSION, ShippedCommits } from './ShippedCommits';
import {
  cameThroughPullRequest,
  forEntities,
  isDeploymentSettled,
  toBuildEvent,
  toDeploymentEvent,
  toDirectPushEvent,
} from './toEvents';

/** Bounds on the per-item look-ups of one repository's sync. */
export interface SyncLimits {
  /** Completed runs whose jobs are read for step kinds. Default 200. */
  jobLookups: number;
  /**
   * Pull requests whose reviews, commits and changed files are read (one
   * GraphQL query per 100). Default 1,000.
   */
  pullDetails: number;
  /** Per-item look-ups in flight at once within a repository. Default 4. */
  concurrency: number;
}

const DEFAULT_LIMITS: SyncLimits = {
  jobLookups: 200,
  pullDetails: 1000,
  concurrency: 4,
};

/** Outcome of one repository's sync. */
export interface RepositorySyncResult {
  scope: string;
  created: number;
  updated: number;
  unchanged: number;
  /** The cursor stored at the end; absent when the sync failed. */
  cursor?: RepositoryCursor;
  error?: Error;
}

const enc = encodeURIComponent;
const isAfter = (a: string, b: string) => Date.parse(a) > Date.parse(b);
const atOrAfter = (a: string, b: string) => Date.parse(a) >= Date.parse(b);

/** Stale branches are recounted after this long (a day-scale measure). */
const STALE_BRANCHES_RECOUNT_MS = 12 * 60 * 60 * 1000;

/**
 * One pull of a repository: workflow runs, deployments, pull requests,
 * direct pushes and repository facts since its cursor (or the lookback).
 * Each page is written before the next is read; the cursor moves only after
 * every write has succeeded, so a failure anywhere leaves it where it was
 * and the next run re-reads (writes are idempotent). An entity the cursor
 * was not built for (`entityRefs`) gets the repository's history: the sync
 * reads again from the lookback.
 *
 * Entities scoped to a path of the repository (`maturity.io/github-path`)
 * get the pull requests and default-branch commits that change files under
 * it, and file facts of that path; runs and deployments carry no path and
 * go to every entity of the repository.
 */
export async function syncGithubRepository(options: {
  client: GithubClient;
  sink: MaturityEventSink;
  repository: GithubRepository;
  logger: LoggerService;
  initialLookbackDays: number;
  now: Date;
  limits?: Partial<SyncLimits>;
  /** Scopes already warned about a missing admin permission. */
  warnedProtection?: Set<string>;
}): Promise<RepositorySyncResult> {
  const { client, sink, repository, now, logger } = options;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const target: GithubTarget = repository;
  const base = `/repos/${enc(repository.owner)}/${enc(repository.repo)}`;
  const stored = parseRepositoryCursor(await sink.getCursor(repository.scope));
  const lookbackStart = new Date(
    now.getTime() - options.initialLookbackDays * 24 * 60 * 60 * 1000,
  ).toISOString();
  const oldEtags = stored.etags ?? {};

  // An entity mapped since the cursor was stored has none of the
  // repository's history: everything is read again from the lookback, and
  // what lies before the stored positions (written for the other entities
  // already) is written for the new entities alone, so the re-read cannot
  // replace the others' events with copies read past the look-up limits.
  const entityRefs = repository.entities.map(e => e.entityRef).sort();
  const covered = stored.entityRefs && new Set(stored.entityRefs);
  const added = covered
    ? repository.entities.filter(e => !covered.has(e.entityRef))
    : [];
  const reread = added.length > 0;
  if (reread) {
    logger.info(
      `GitHub ${repository.scope}: ${added
        .map(e => e.entityRef)
        .join(', ')} newly mapped; reading again from ${lookbackStart}`,
    );
  }
  const since = (position: string | undefined) =>
    (reread ? undefined : position) ?? lookbackStart;
  /** The entities an item at `at` is written for (see `reread`). */
  const entitiesAt = (at: string | undefined, position: string | undefined) =>
    reread && position && !(at && atOrAfter(at, position))
      ? added
      : repository.entities;
  const etags: Record<string, string> = {};
  const result: RepositorySyncResult = {
    scope: repository.scope,
    created: 0,
    updated: 0,
    unchanged: 0,
  };
  const write = async (events: SourceEvent[]) => {
    if (events.length === 0) return;
    const written = await sink.write(events);
    result.created += written.created;
    result.updated += written.updated;
    result.unchanged += written.unchanged;
  };
  /** Lists a path page by page, conditional on its stored ETag. */
  const list = async <T>(
    path: string,
    onPage: (items: T[]) => Promise<boolean | void>,
    select?: (body: any) => T[],
    keepEtag: (pages: number) => boolean = () => true,
    fresh = reread,
  ) => {
    let pages = 0;
    const listed = await client.paginate<T>(
      target,
      path,
      async items => {
        pages++;
        return onPage(items);
      },
      { etag: fresh ? undefined : oldEtags[path], select },
    );
    const etag = listed.etag;
    if (etag && (listed.notModified || keepEtag(pages))) etags[path] = etag;
    return listed.notModified;
  };

  const { body: repo } = await client.get<GithubRepo>(target, base);
  const defaultBranch = repo!.default_branch;

  // Workflow runs, newest first; the jobs of completed runs give step kinds.
  const runsSince = since(stored.runs);
  let newestRun: string | undefined;
  let oldestUnfinished: string | undefined;
  let jobLookups = limits.jobLookups;
  await list<GithubWorkflowRun>(
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
        return readRunSteps(
          client,
          target,
          `${base}/actions/runs/${run.id}/jobs`,
        );
      });
      await write(
        runs.flatMap((run, i) =>
          forEntities(
            repository,
            [toBuildEvent(run, defaultBranch, steps[i])],
            entitiesAt(run.created_at, stored.runs),
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
    body => body.workflow_runs,
    // A later page's changes do not show in the first page's ETag.
    pages => pages === 1,
  );
  if (jobLookups <= 0) {
    logger.info(
      `GitHub ${repository.scope}: read the jobs of ${limits.jobLookups} runs; later runs are stored without step kinds`,
    );
  }

  // Deployments, newest first, down to the cursor; unfinished ones again.
  // Those stored before their shipped commits were read (or read another
  // way) are read again from the lookback, once, and written for every
  // entity: a deployment's copy needs no look-up a limit could cut short.
  const backfillRanges = stored.shippedCommits !== SHIPPED_COMMITS_VERSION;
  if (backfillRanges && stored.deployments) {
    logger.info(
      `GitHub ${repository.scope}: reading deployments again from ${lookbackStart} for the commits they shipped`,
    );
  }
  const deploymentsSince = backfillRanges
    ? lookbackStart
    : since(stored.deployments);
  const shipped = new ShippedCommits({
    client,
    target,
    repository,
    base,
    logger,
  });
  const wasPending = new Set(stored.pendingDeployments);
  let newestDeployment: string | undefined;
  const pending = new Set<number>();
  const seenDeployments = new Set<number>();
  const writeDeployments = async (deployments: GithubDeployment[]) => {
    const statuses = await mapWithConcurrency(
      deployments,
      limits.concurrency,
      async d => {
        const page = await client.get<GithubDeploymentStatus[]>(
          target,
          `${base}/deployments/${d.id}/statuses?per_page=100`,
        );
        return page.body ?? [];
      },
    );
    deployments.forEach((d, i) => {
      seenDeployments.add(d.id);
      if (!isDeploymentSettled(statuses[i])) pending.add(d.id);
      shipped.remember(d.id, statuses[i]);
    });
    const commitShas = await mapWithConcurrency(
      deployments.map((_, i) => i),
      limits.concurrency,
      i => shipped.of(deployments[i], statuses[i]),
    );
    await write(
      deployments.flatMap((d, i) =>
        forEntities(
          repository,
          [toDeploymentEvent(d, statuses[i], commitShas[i])],
          wasPending.has(d.id) || backfillRanges
            ? repository.entities
            : entitiesAt(d.created_at, stored.deployments),
        ),
      ),
    );
  };
  await list<GithubDeployment>(
    `${base}/deployments?per_page=100`,
    async deployments => {
      const inWindow = deployments.filter(d =>
        atOrAfter(d.created_at, deploymentsSince),
      );
      for (const d of inWindow) {
        if (!newestDeployment || isAfter(d.created_at, newestDeployment)) {
          newestDeployment = d.created_at;
        }
      }
      await writeDeployments(inWindow);
      return inWindow.length === deployments.length;
    },
    undefined,
    undefined,
    reread || backfillRanges,
  );
  const recheck = (stored.pendingDeployments ?? []).filter(
    id => !seenDeployments.has(id),
  );
  const rechecked = await mapWithConcurrency(
    recheck,
    limits.concurrency,
    async id =>
      (
        await client.get<GithubDeployment>(
          target,
          `${base}/deployments/${id}`,
          {
            allow: [404],
          },
        )
      ).body,
  );
  await writeDeployments(rechecked.filter((d): d is GithubDeployment => !!d));

  // Pull requests by last update, down to the cursor, with their reviews,
  // commits and files in one GraphQL query per page.
  const pullsSince = since(stored.pulls);
  let newestPull: string | undefined;
  let pullDetails = limits.pullDetails;
  let undetailed = 0;
  const merged = { shas: new Set<string>(), mergedAt: [] as number[] };
  await list<GithubPullRequest>(
    `${base}/pulls?state=all&sort=updated&direction=desc&per_page=100`,
    async pulls => {
      const inWindow = pulls.filter(p => atOrAfter(p.updated_at, pullsSince));
      const detailed = inWindow.slice(0, Math.max(pullDetails, 0));
      pullDetails -= detailed.length;
      undetailed += inWindow.length - detailed.length;
      const details = await readPullRequestDetails(
        client,
        target,
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
      await write(
        inWindow.flatMap(pull =>
          pullRequestForEntities(
            {
              ...repository,
              entities: entitiesAt(pull.updated_at, stored.pulls),
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

  // Commits on the default branch that no pull request brought: one list
  // for the whole repository's entities, one per path (`?path=`) for the
  // path-scoped ones.
  const commitsSince = since(stored.commits);
  let newestCommit: string | undefined;
  const listCommits = (
    path: string | undefined,
    entities: GithubRepository['entities'],
  ) =>
    list<GithubCommit>(
      `${base}/commits?${new URLSearchParams({
        sha: defaultBranch,
        since: commitsSince,
        ...(path ? { path } : {}),
        per_page: '100',
      })}`,
      async commits => {
        for (const c of commits) {
          const at = c.commit.committer?.date;
          if (at && (!newestCommit || isAfter(at, newestCommit))) {
            newestCommit = at;
          }
        }
        await write(
          commits
            .filter(c => !cameThroughPullRequest(c, merged))
            .flatMap(c => {
              const event = toDirectPushEvent(repository, c, defaultBranch);
              if (!event) return [];
              const at = entitiesAt(event.mergedAt, stored.commits);
              return forEntities(
                repository,
                [event],
                entities.filter(e => at.includes(e)),
              );
            }),
        );
      },
      undefined,
      pages => pages === 1,
    );
  for (const path of entityPaths(repository)) {
    await listCommits(
      path,
      repository.entities.filter(e => e.path === path),
    );
  }

  // File facts of the default branch's tree, and dependency facts of its
  // manifests, for each entity path.
  const treePath = `${base}/git/trees/${enc(defaultBranch)}?recursive=1`;
  const treeScopes = [...new Set(repository.entities.map(e => e.path ?? ''))];
  const storedTree = stored.treeFactsByPath ?? {};
  const tree = await client.get<GithubTree>(target, treePath, {
    // A 304 is only of use when the facts of every path are stored, with
    // manifests read under the current rules.
    etag:
      treeScopes.every(scope => storedTree[scope]) &&
      stored.manifests?.version === MANIFEST_READING_VERSION
        ? oldEtags[treePath]
        : undefined,
    allow: [404, 409],
  });
  const treeFactsByPath: Record<string, Record<string, RepoFactValue>> = {};
  let manifests = stored.manifests;
  if (tree.status === 304) {
    treeScopes.forEach(scope => (treeFactsByPath[scope] = storedTree[scope]));
    etags[treePath] = tree.etag!;
  } else {
    const files = (tree.body?.tree ?? [])
      .filter(e => e.type === 'blob')
      .map(e => e.path);
    const dependencies = await readManifestFacts(client, target, {
      base,
      tree: tree.body ?? { truncated: false, tree: [] },
      scopes: treeScopes,
      stored: stored.manifests,
      concurrency: limits.concurrency,
    });
    manifests = dependencies.manifests;
    for (const scope of treeScopes) {
      treeFactsByPath[scope] = tree.body
        ? {
            ...repoFactsFromTree(
              files,
              tree.body.truncated,
              scope || undefined,
            ),
            ...dependencies.factsByPath[scope],
          }
        : {};
    }
    if (tree.etag) etags[treePath] = tree.etag;
  }

  // Repository-wide facts: protection and rulesets, releases, stale branches.
  const reads: ConditionalReads = {
    previous: { etags: oldEtags, derived: stored.derived ?? {} },
    next: { etags, derived: {} },
  };
  const repositoryFacts: Record<string, RepoFactValue> = {
    ...(await readBranchProtectionFacts(client, target, {
      base,
      branch: defaultBranch,
      reads,
      onForbidden: () => {
        if (options.warnedProtection?.has(repository.scope)) return;
        options.warnedProtection?.add(repository.scope);
        logger.warn(
          `GitHub ${repository.scope}: branch protection is not readable (403); ` +
            'grant Administration read to report branch-protection facts',
        );
      },
    })),
    ...(await readReleaseFacts(client, target, { base, reads })),
  };
  let staleBranches = stored.staleBranches;
  if (
    !staleBranches ||
    now.getTime() - Date.parse(staleBranches.countedAt) >=
      STALE_BRANCHES_RECOUNT_MS
  ) {
    const count = await countStaleBranches(client, target, {
      owner: repository.owner,
      repo: repository.repo,
      defaultBranch,
      now,
    });
    // Too many branches to count is remembered too, so it is not retried
    // every sync.
    staleBranches = { count: count ?? null, countedAt: now.toISOString() };
  }
  if (staleBranches.count !== null) {
    repositoryFacts['stale-branches'] = staleBranches.count;
  }

  const factsByEntity = repository.entities.map(({ entityRef, path }) => {
    const facts = { ...treeFactsByPath[path ?? ''], ...repositoryFacts };
    return {
      entityRef,
      facts: Object.keys(facts)
        .sort()
        .map(name => [name, facts[name]] as const),
    };
  });
  const factsWritten = JSON.stringify(
    factsByEntity.map(({ entityRef, facts }) => [entityRef, facts]),
  );
  if (factsWritten !== stored.factsWritten) {
    const observedAt = now.toISOString();
    await write(
      factsByEntity.flatMap(({ entityRef, facts }) =>
        facts.map(([fact, value]) => ({
          type: 'repo_fact' as const,
          entityRef,
          fact,
          value,
          observedAt,
          url: repository.url,
        })),
      ),
    );
  }

  const cursor: RepositoryCursor = {
    runs: oldestUnfinished ?? newestRun ?? runsSince,
    // A backfill that finds no deployment leaves the position where it was.
    deployments:
      newestDeployment ??
      (backfillRanges ? stored.deployments : undefined) ??
      deploymentsSince,
    shippedCommits: SHIPPED_COMMITS_VERSION,
    pulls: newestPull ?? pullsSince,
    commits: newestCommit ?? commitsSince,
    ...(pending.size > 0
      ? { pendingDeployments: [...pending].sort((a, b) => a - b) }
      : {}),
    etags,
    treeFactsByPath,
    ...(manifests ? { manifests } : {}),
    derived: reads.next.derived,
    staleBranches,
    factsWritten,
    entityRefs,
  };
  await sink.setCursor(repository.scope, JSON.stringify(cursor));
  result.cursor = cursor;
  return result;
}

/** The step kinds of a run, from the names of its jobs and their steps. */
export async function readRunSteps(
  client: GithubClient,
  target: GithubTarget,
  path: string,
) {
  const { body } = await client.get<GithubJobsPage>(
    target,
    `${path}?per_page=100`,
  );
  const jobs = body?.jobs ?? [];
  return classifyStepNames(
    jobs.flatMap(job => [job.name, ...(job.steps ?? []).map(s => s.name)]),
  );
}
