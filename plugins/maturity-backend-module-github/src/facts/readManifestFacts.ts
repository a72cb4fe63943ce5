import { RepoFactValue } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { mapWithConcurrency } from '@maturity-for-backstage/backstage-plugin-maturity-node';
import { createHash } from 'crypto';
import { GithubClient, GithubTarget } from '../api/GithubClient';
import { GithubBlob, GithubTreeEntry } from '../api/types';
import {
  DEPENDENCY_FACTS,
  DEPENDENCY_SIGNALS,
  classifyDependencies,
} from './dependencySignals';
import { isUnderPath } from '../catalog/entityPaths';
import {
  MANIFEST_ECOSYSTEMS,
  MANIFEST_PARSER_VERSION,
  ManifestFormat,
  manifestFormatOf,
  parseManifest,
} from './parseManifest';

/** Dependency manifests as read by the last sync and stored in its cursor. */
export interface StoredManifests {
  version: string;
  files: Record<string, { sha: string; facts?: string[] }>;
}

/** Manifests read for one entity path, the shallowest first. */
export const MANIFESTS_PER_PATH = 20;
/** Larger manifests are not read (generated, not written by hand). */
export const MAX_MANIFEST_BYTES = 1_000_000;

/** Directories of other projects' code or of test data, not the entity's. */
const SKIPPED_DIRECTORIES = new Set([
  'node_modules',
  'bower_components',
  'vendor',
  'third_party',
  '.venv',
  'venv',
  'site-packages',
  '__fixtures__',
  'fixtures',
  'testdata',
]);

/**
 * What stored readings were made with: a manifest read under other rules
 * (another parser or signal table) is read again.
 */
export const MANIFEST_READING_VERSION = createHash('sha1')
  .update(
    JSON.stringify({
      parser: MANIFEST_PARSER_VERSION,
      perPath: MANIFESTS_PER_PATH,
      maxBytes: MAX_MANIFEST_BYTES,
      skipped: [...SKIPPED_DIRECTORIES],
      signals: DEPENDENCY_SIGNALS.map(s => [
        s.tool,
        s.facts,
        s.name.source,
        s.ecosystems ?? [],
      ]),
    }),
  )
  .digest('hex')
  .slice(0, 12);

interface Manifest {
  path: string;
  sha: string;
  size?: number;
  format: ManifestFormat;
}

/** Facts from the dependency manifests of each entity path. */
export interface ManifestFacts {
  /**
   * Dependency facts by entity path (`''`: the whole repository); none for
   * a path where no manifest could be read.
   */
  factsByPath: Record<string, Record<string, RepoFactValue>>;
  /** The readings to store in the cursor for the next sync. */
  manifests: StoredManifests;
}

/**
 * Dependency facts (`feature-flag-sdk`, `telemetry-sdk` and the MLOps
 * libraries) from the dependency manifests of a tree already read, for
 * each entity path: the manifests under the path and at the repository
 * root (a workspace's), or of the whole repository for `''`; at most
 * {@link MANIFESTS_PER_PATH} a path, the shallowest first, skipping vendored
 * code and test fixtures.
 *
 * A manifest is read by its blob SHA (`/git/blobs/{sha}`, one request per
 * distinct content), and only when the SHA differs from the stored reading:
 * an unchanged manifest costs no request at all. A failing read throws, so
 * the caller stores nothing.
 *
 * A fact is true when a manifest read shows it, false when every manifest
 * of the path was read and none does; a truncated tree, a path with more
 * manifests than the bound, or a manifest too large or unreadable prove no
 * absence, so only what was found is reported then. With no manifest read,
 * a path gets no dependency facts: unknown, not false.
 */
export async function readManifestFacts(
  client: GithubClient,
  target: GithubTarget,
  options: {
    base: string;
    tree: { truncated: boolean; tree: GithubTreeEntry[] };
    scopes: string[];
    stored?: StoredManifests;
    concurrency: number;
  },
): Promise<ManifestFacts> {
  const { base, tree, scopes, concurrency } = options;
  const stored =
    options.stored?.version === MANIFEST_READING_VERSION
      ? options.stored.files
      : {};
  const all = manifestsOfTree(tree.tree);
  const selections = new Map(
    scopes.map(scope => [scope, selectManifests(all, scope)]),
  );
  const selected = new Map<string, Manifest>();
  for (const { manifests } of selections.values()) {
    manifests.forEach(m => selected.set(m.path, m));
  }

  const files: StoredManifests['files'] = {};
  const toRead: Manifest[] = [];
  for (const manifest of selected.values()) {
    if ((manifest.size ?? 0) > MAX_MANIFEST_BYTES) continue;
    const reading = stored[manifest.path];
    if (reading?.sha === manifest.sha) files[manifest.path] = reading;
    else toRead.push(manifest);
  }
  const shas = [...new Set(toRead.map(m => m.sha))];
  const texts = await mapWithConcurrency(shas, concurrency, sha =>
    readBlob(client, target, `${base}/git/blobs/${sha}`),
  );
  const textBySha = new Map(shas.map((sha, i) => [sha, texts[i]]));
  for (const manifest of toRead) {
    const text = textBySha.get(manifest.sha);
    // Gone since the tree was read: read again next time.
    if (text === undefined) continue;
    const names = parseManifest(manifest.format, text);
    files[manifest.path] = names
      ? {
          sha: manifest.sha,
          facts: [
            ...new Set(
              classifyDependencies(
                MANIFEST_ECOSYSTEMS[manifest.format],
                names,
              ).flatMap(signal => signal.facts),
            ),
          ],
        }
      : { sha: manifest.sha };
  }

  const factsByPath: ManifestFacts['factsByPath'] = {};
  for (const [scope, { manifests, omitted }] of selections) {
    const found = manifests.flatMap(m => files[m.path]?.facts ?? []);
    const read = manifests.filter(m => files[m.path]?.facts).length;
    const complete =
      !tree.truncated && omitted === 0 && read === manifests.length;
    const facts: Record<string, RepoFactValue> = {};
    if (read > 0) {
      for (const fact of DEPENDENCY_FACTS) {
        if (found.includes(fact)) facts[fact] = true;
        else if (complete) facts[fact] = false;
      }
    }
    factsByPath[scope] = facts;
  }
  return {
    factsByPath,
    manifests: { version: MANIFEST_READING_VERSION, files },
  };
}

/** The dependency manifests of a tree, vendored code and fixtures left out. */
function manifestsOfTree(entries: GithubTreeEntry[]): Manifest[] {
  return entries.flatMap(entry => {
    // Symbolic links (mode 120000) hold a path, not a manifest.
    if (entry.type !== 'blob' || !entry.sha || entry.mode === '120000') {
      return [];
    }
    const format = manifestFormatOf(entry.path);
    const dirs = entry.path.split('/').slice(0, -1);
    if (!format || dirs.some(d => SKIPPED_DIRECTORIES.has(d))) return [];
    return [{ path: entry.path, sha: entry.sha, size: entry.size, format }];
  });
}

/**
 * The manifests of an entity path, the shallowest first (root ones, then
 * the path's own), at most {@link MANIFESTS_PER_PATH}; `omitted` counts the
 * ones left out.
 */
function selectManifests(
  manifests: Manifest[],
  scope: string,
): { manifests: Manifest[]; omitted: number } {
  const depth = (path: string) => path.split('/').length;
  const candidates = manifests
    .filter(m => !scope || !m.path.includes('/') || isUnderPath(m.path, scope))
    .sort((a, b) => depth(a.path) - depth(b.path) || compare(a.path, b.path));
  return {
    manifests: candidates.slice(0, MANIFESTS_PER_PATH),
    omitted: Math.max(candidates.length - MANIFESTS_PER_PATH, 0),
  };
}

function compare(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** A blob's text, or undefined when GitHub no longer has it (404). */
async function readBlob(
  client: GithubClient,
  target: GithubTarget,
  path: string,
): Promise<string | undefined> {
  const { body } = await client.get<GithubBlob>(target, path, {
    allow: [404],
  });
  if (!body) return undefined;
  return body.encoding === 'base64'
    ? Buffer.from(body.content, 'base64').toString('utf8')
    : body.content;
}
