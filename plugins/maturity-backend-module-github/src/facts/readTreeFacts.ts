import { RepoFactValue } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { GithubClient, GithubTarget } from '../api/GithubClient';
import { GithubTree } from '../api/types';
import { ConditionalReads } from './readConditionally';
import {
  MANIFEST_READING_VERSION,
  StoredManifests,
  readManifestFacts,
} from './readManifestFacts';
import { repoFactsFromTree } from './repoFactsFromTree';

/** File facts of a branch's tree, by entity path. */
export interface TreeFacts {
  /** By entity path (`''`: the whole repository). */
  treeFactsByPath: Record<string, Record<string, RepoFactValue>>;
  /** The manifest readings to store (see `readManifestFacts`). */
  manifests?: StoredManifests;
}

/**
 * File facts of a branch's tree (see `repoFactsFromTree`) and dependency
 * facts of its manifests (see `readManifestFacts`), for each entity path
 * in `scopes`. The tree is requested conditionally when the stored facts
 * cover every path and its manifests were read under the current rules: a
 * 304 gives the stored facts back. A missing or empty tree (404, 409)
 * gives no facts.
 */
export async function readTreeFacts(
  client: GithubClient,
  target: GithubTarget,
  options: {
    /** `/repos/{owner}/{repo}` */
    base: string;
    branch: string;
    scopes: string[];
    stored: Partial<TreeFacts>;
    reads: ConditionalReads;
    concurrency: number;
  },
): Promise<TreeFacts> {
  const { base, scopes, stored, reads } = options;
  const treePath = `${base}/git/trees/${encodeURIComponent(
    options.branch,
  )}?recursive=1`;
  const storedTree = stored.treeFactsByPath ?? {};
  const tree = await client.get<GithubTree>(target, treePath, {
    // A 304 is only of use when the facts of every path are stored, with
    // manifests read under the current rules.
    etag:
      scopes.every(scope => storedTree[scope]) &&
      stored.manifests?.version === MANIFEST_READING_VERSION
        ? reads.previous.etags[treePath]
        : undefined,
    allow: [404, 409],
  });
  const treeFactsByPath: TreeFacts['treeFactsByPath'] = {};
  if (tree.status === 304) {
    scopes.forEach(scope => (treeFactsByPath[scope] = storedTree[scope]));
    reads.next.etags[treePath] = tree.etag!;
    return { treeFactsByPath, manifests: stored.manifests };
  }
  const files = (tree.body?.tree ?? [])
    .filter(e => e.type === 'blob')
    .map(e => e.path);
  const dependencies = await readManifestFacts(client, target, {
    base,
    tree: tree.body ?? { truncated: false, tree: [] },
    scopes,
    stored: stored.manifests,
    concurrency: options.concurrency,
  });
  for (const scope of scopes) {
    treeFactsByPath[scope] = tree.body
      ? {
          ...repoFactsFromTree(files, tree.body.truncated, scope || undefined),
          ...dependencies.factsByPath[scope],
        }
      : {};
  }
  if (tree.etag) reads.next.etags[treePath] = tree.etag;
  return { treeFactsByPath, manifests: dependencies.manifests };
}
