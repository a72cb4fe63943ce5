import { RepoFactValue } from '@internal/plugin-maturity-common';

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
  /** Deployments not final yet: their statuses are read again. */
  pendingDeployments?: number[];
  /** ETags of first pages, by request path, for conditional requests. */
  etags?: Record<string, string>;
  /** Facts of the last tree read, reused when the tree answers 304. */
  treeFacts?: Record<string, RepoFactValue>;
  /** The facts last written, so unchanged facts are not written again. */
  factsWritten?: string;
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
      pendingDeployments: Array.isArray(parsed.pendingDeployments)
        ? parsed.pendingDeployments.filter(Number.isInteger)
        : undefined,
      etags:
        typeof parsed.etags === 'object' && parsed.etags !== null
          ? parsed.etags
          : undefined,
      treeFacts:
        typeof parsed.treeFacts === 'object' && parsed.treeFacts !== null
          ? parsed.treeFacts
          : undefined,
      factsWritten:
        typeof parsed.factsWritten === 'string'
          ? parsed.factsWritten
          : undefined,
    };
  } catch {
    return {};
  }
}
