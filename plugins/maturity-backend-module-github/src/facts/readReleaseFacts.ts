import { RepoFactValue } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { GithubClient, GithubTarget } from '../api/GithubClient';
import { GithubRelease, GithubTag } from '../api/types';
import { ConditionalReads, readConditionally } from './readConditionally';

/**
 * A version name: `1.4`, `v1.4.2`, `2024.11.0`, `v2.0.0-rc.1`, and the
 * prefixed names of monorepo releases (`checkout-v1.4.2`,
 * `@acme/cart@1.4.2`, `cart/v1.4.2`).
 */
const VERSION = /^(?:.*[-_/@])?v?\d+\.\d+(?:\.\d+)*(?:[-+][0-9A-Za-z.-]+)?$/;

/** Whether a release or tag name is a version. */
export function isVersionName(name: string): boolean {
  return VERSION.test(name);
}

/**
 * `versioned-releases`: whether the repository publishes versions — a
 * published (non-draft) GitHub release, or else a tag, named as a version.
 * The newest 100 releases are read, and the first 100 tags only when no
 * release is versioned; both conditionally, so an unchanged list costs no
 * rate limit.
 */
export async function readReleaseFacts(
  client: GithubClient,
  target: GithubTarget,
  options: { base: string; reads: ConditionalReads },
): Promise<Record<string, RepoFactValue>> {
  const { base, reads } = options;
  const released = await readConditionally<GithubRelease[], boolean>(
    client,
    target,
    `${base}/releases?per_page=100`,
    reads,
    ({ body }) => (body ?? []).some(r => !r.draft && isVersionName(r.tag_name)),
  );
  if (released) return { 'versioned-releases': true };
  const tagged = await readConditionally<GithubTag[], boolean>(
    client,
    target,
    `${base}/tags?per_page=100`,
    reads,
    ({ body }) => (body ?? []).some(t => isVersionName(t.name)),
  );
  return { 'versioned-releases': tagged };
}
