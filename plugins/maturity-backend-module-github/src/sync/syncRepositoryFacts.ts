import { RepoFactValue } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { countStaleBranches } from '../facts/countStaleBranches';
import { readBranchProtectionFacts } from '../facts/readBranchProtectionFacts';
import { ConditionalReads } from '../facts/readConditionally';
import { readReleaseFacts } from '../facts/readReleaseFacts';
import { readTreeFacts } from '../facts/readTreeFacts';
import { RepositoryCursor } from './RepositoryCursor';
import { StreamContext } from './StreamContext';

/** Stale branches are recounted after this long (a day-scale measure). */
const STALE_BRANCHES_RECOUNT_MS = 12 * 60 * 60 * 1000;

type FactsCursor = Pick<
  RepositoryCursor,
  'treeFactsByPath' | 'manifests' | 'derived' | 'staleBranches' | 'factsWritten'
>;

/**
 * Repository facts: file facts of the default branch's tree and dependency
 * facts of its manifests, for each entity path; branch protection and
 * rulesets, releases, and stale branches (recounted every 12 hours) for
 * the whole repository. Each entity's facts are written only when some
 * differ from those last written.
 */
export async function syncRepositoryFacts(
  context: StreamContext,
  stored: Partial<FactsCursor>,
  /** Scopes already warned about a missing admin permission. */
  warnedProtection?: Set<string>,
): Promise<FactsCursor> {
  const { client, repository, base, defaultBranch, logger, now } = context;
  const reads: ConditionalReads = {
    previous: { etags: context.etags.previous, derived: stored.derived ?? {} },
    next: { etags: context.etags.next, derived: {} },
  };

  const { treeFactsByPath, manifests } = await readTreeFacts(
    client,
    repository,
    {
      base,
      branch: defaultBranch,
      scopes: [...new Set(repository.entities.map(e => e.path ?? ''))],
      stored,
      reads,
      concurrency: context.limits.concurrency,
    },
  );

  const repositoryFacts: Record<string, RepoFactValue> = {
    ...(await readBranchProtectionFacts(client, repository, {
      base,
      branch: defaultBranch,
      reads,
      onForbidden: () => {
        if (warnedProtection?.has(repository.scope)) return;
        warnedProtection?.add(repository.scope);
        logger.warn(
          `GitHub ${repository.scope}: branch protection is not readable (403); ` +
            'grant Administration read to report branch-protection facts',
        );
      },
    })),
    ...(await readReleaseFacts(client, repository, { base, reads })),
  };
  let staleBranches = stored.staleBranches;
  if (
    !staleBranches ||
    now.getTime() - Date.parse(staleBranches.countedAt) >=
      STALE_BRANCHES_RECOUNT_MS
  ) {
    const count = await countStaleBranches(client, repository, {
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
    await context.write(
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

  return {
    treeFactsByPath,
    ...(manifests ? { manifests } : {}),
    derived: reads.next.derived,
    staleBranches,
    factsWritten,
  };
}
