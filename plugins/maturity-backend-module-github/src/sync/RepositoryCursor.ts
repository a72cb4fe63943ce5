import { RepoFactValue } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { StoredManifests } from '../facts/readManifestFacts';

/**
 * A repository's sync position, stored as JSON under the scope `owner/repo`
 * (`host/owner/repo` off github.com).
 */
export interface RepositoryCursor {
  /** Runs created from here on are read (the oldest unfinished, else the newest seen). */
  runs: string;
  /** Deployments created from here on are read. */
  deployments: string;
  /** Pull requests updated from here on are read. */
  pulls: string;
  /** Default-branch commits from here on are read. */
  commits: string;
  /**
   * The version of the shipped-commit reading (`SHIPPED_COMMITS_VERSION`)
   * the stored deployments carry. Another, or none (a cursor from before
   * ranges), has the next sync read the deployments again from the
   * initial lookback, for every entity, so that those stored get their
   * ranges; it is stored once that sync has succeeded.
   */
  shippedCommits?: number;
  /** Deployments not final yet: their statuses are read again. */
  pendingDeployments?: number[];
  /** ETags of first pages, by request path, for conditional requests. */
  etags?: Record<string, string>;
  /**
   * Facts of the last tree read, by entity path (`''`: the whole
   * repository), reused when the tree answers 304.
   */
  treeFactsByPath?: Record<string, Record<string, RepoFactValue>>;
  /** What conditional fact reads derived, by request path (see `etags`). */
  derived?: Record<string, unknown>;
  /**
   * The dependency manifests of the last tree read, by file path: the blob
   * SHA and the dependency facts found (none: unreadable). A manifest whose
   * SHA is unchanged is not read again; readings of another `version`
   * (parser and signal table) are all read again.
   */
  manifests?: StoredManifests;
  /**
   * The last count of stale branches, recounted every few hours; null when
   * the repository has too many branches to count.
   */
  staleBranches?: { count: number | null; countedAt: string };
  /** The facts last written, so unchanged facts are not written again. */
  factsWritten?: string;
  /**
   * The entities the positions were reached for, sorted. An entity mapped
   * to the repository since has none of its history: the next sync reads
   * again from the initial lookback for it.
   */
  entityRefs?: string[];
}

/** Parses a stored cursor; anything unreadable counts as none. */
export function parseRepositoryCursor(
  stored: string | undefined,
): Partial<RepositoryCursor> {
  if (!stored) return {};
  try {
    const parsed = JSON.parse(stored);
    if (typeof parsed !== 'object' || parsed === null) return {};
    const time = (value: unknown) =>
      typeof value === 'string' && !Number.isNaN(Date.parse(value))
        ? value
        : undefined;
    return {
      runs: time(parsed.runs),
      deployments: time(parsed.deployments),
      pulls: time(parsed.pulls),
      commits: time(parsed.commits),
      shippedCommits: Number.isInteger(parsed.shippedCommits)
        ? parsed.shippedCommits
        : undefined,
      pendingDeployments: Array.isArray(parsed.pendingDeployments)
        ? parsed.pendingDeployments.filter(Number.isInteger)
        : undefined,
      etags: isObject(parsed.etags) ? parsed.etags : undefined,
      treeFactsByPath: readTreeFactsByPath(parsed),
      derived: isObject(parsed.derived) ? parsed.derived : undefined,
      manifests: readManifests(parsed.manifests),
      staleBranches:
        (typeof parsed.staleBranches?.count === 'number' ||
          parsed.staleBranches?.count === null) &&
        time(parsed.staleBranches?.countedAt)
          ? {
              count: parsed.staleBranches.count,
              countedAt: parsed.staleBranches.countedAt,
            }
          : undefined,
      factsWritten:
        typeof parsed.factsWritten === 'string'
          ? parsed.factsWritten
          : undefined,
      entityRefs: readEntityRefs(parsed),
    };
  } catch {
    return {};
  }
}

function readTreeFactsByPath(
  parsed: Record<string, any>,
): RepositoryCursor['treeFactsByPath'] {
  if (isObject(parsed.treeFactsByPath)) return parsed.treeFactsByPath;
  // A cursor from before path scoping kept the whole tree's facts.
  if (isObject(parsed.treeFacts)) return { '': parsed.treeFacts };
  return undefined;
}

const isString = (value: unknown): value is string => typeof value === 'string';

/**
 * The entities a cursor was built for. A cursor from before they were
 * stored names them in `factsWritten` (`[[entityRef, facts], ...]`, written
 * by every sync for every entity); one older still, or unreadable, gives
 * none: the entities mapped now count as covered.
 */
function readEntityRefs(parsed: Record<string, any>): string[] | undefined {
  if (Array.isArray(parsed.entityRefs) && parsed.entityRefs.every(isString)) {
    return parsed.entityRefs;
  }
  if (!isString(parsed.factsWritten)) return undefined;
  try {
    const written = JSON.parse(parsed.factsWritten);
    const byEntity =
      Array.isArray(written) &&
      written.length > 0 &&
      written.every(
        entry =>
          Array.isArray(entry) && isString(entry[0]) && Array.isArray(entry[1]),
      );
    return byEntity
      ? written.map(([entityRef]: [string]) => entityRef)
      : undefined;
  } catch {
    return undefined;
  }
}

function readManifests(value: unknown): StoredManifests | undefined {
  if (!isObject(value) || typeof value.version !== 'string') return undefined;
  if (!isObject(value.files)) return undefined;
  const files: StoredManifests['files'] = {};
  for (const [path, file] of Object.entries(value.files)) {
    if (!isObject(file) || typeof file.sha !== 'string') continue;
    const facts = Array.isArray(file.facts)
      ? file.facts.filter((f: unknown) => typeof f === 'string')
      : undefined;
    files[path] = facts ? { sha: file.sha, facts } : { sha: file.sha };
  }
  return { version: value.version, files };
}

function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
