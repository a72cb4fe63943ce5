import { PagerDutyChangeEvent } from '../api/types';

/**
 * `custom_details` keys that name a commit, compared lower-cased without
 * separators: `commit`, `sha`, `commit_sha`, `Commit SHA`, `git-sha`, ...
 */
const COMMIT_KEYS = new Set([
  'commit',
  'commits',
  'commitsha',
  'commitshas',
  'commitid',
  'sha',
  'shas',
  'gitsha',
  'gitcommit',
  'headsha',
  'revision',
]);
/**
 * Full SHA-1 or SHA-256 object names only: the deploy linker matches
 * deployed SHAs exactly, so an abbreviated one would never link.
 */
const FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i;
/** `…/commit/<sha>` (GitHub, GitLab's `/-/commit/`) or `…/commits/<sha>` (Bitbucket). */
const COMMIT_LINK = /\/commits?\/([0-9a-f]{40}|[0-9a-f]{64})(?=$|[/?#])/i;
/** How deep `custom_details` are searched: integrations nest a level or two. */
const MAX_DEPTH = 3;

/**
 * The commits a change event names, lower-cased: `custom_details` values
 * under commit or SHA keys, and commit links in `links[].href`. These let
 * the deploy linker tie an incident to the deployment that shipped them,
 * whichever tool recorded the deployment.
 */
export function changeEventCommitShas(
  changeEvents: PagerDutyChangeEvent[],
): string[] {
  const shas = new Set<string>();
  for (const event of changeEvents) {
    collectDetailShas(event.custom_details, 0, shas);
    for (const link of event.links ?? []) {
      const match =
        typeof link?.href === 'string' ? COMMIT_LINK.exec(link.href) : null;
      if (match) shas.add(match[1].toLowerCase());
    }
  }
  return [...shas];
}

function collectDetailShas(
  details: unknown,
  depth: number,
  shas: Set<string>,
): void {
  if (typeof details !== 'object' || details === null || depth >= MAX_DEPTH) {
    return;
  }
  for (const [key, value] of Object.entries(details)) {
    if (COMMIT_KEYS.has(key.toLowerCase().replace(/[^a-z]/g, ''))) {
      for (const candidate of Array.isArray(value) ? value : [value]) {
        if (typeof candidate === 'string' && FULL_SHA.test(candidate.trim())) {
          shas.add(candidate.trim().toLowerCase());
        }
      }
    }
    if (typeof value === 'object') collectDetailShas(value, depth + 1, shas);
  }
}
