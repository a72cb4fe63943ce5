import { mockServices } from '@backstage/backend-test-utils';
import { RecordingSink } from '@maturity-for-backstage/backstage-plugin-maturity-node/testUtils';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import tree from '../__fixtures__/tree.json';
import { GithubRepository } from '../catalog/readRepositoryMap';
import {
  REPO_API,
  SeenRequest,
  TREE_FIXTURE_BLOB_SHA,
  blobHandler,
  gitBlobSha,
  githubHandlers,
  manifestFixture,
  repository,
  restAnswer,
  testGithubClient,
} from '../__testUtils__/githubApi';
import { syncGithubRepositories } from './syncGithubRepositories';

jest.setTimeout(20_000);

const NOW = new Date('2026-11-20T12:00:00Z');
const CHECKOUT = 'component:default/checkout-api';
const CART = 'component:default/cart-api';
const monorepo: GithubRepository = {
  ...repository,
  entities: [
    { entityRef: CHECKOUT, path: 'services/checkout' },
    { entityRef: CART, path: 'services/cart' },
  ],
};

const CHECKOUT_PACKAGE = manifestFixture('checkout.package.json');
const CHECKOUT_REQUIREMENTS = manifestFixture('ml.requirements.txt');
const CART_PACKAGE = `${JSON.stringify(
  { name: '@acme/cart-api', dependencies: { express: '^4.21.1' } },
  null,
  2,
)}\n`;

const seen: SeenRequest[] = [];
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

/** The repository's files besides the fixture tree's, by path. */
let files: Record<string, string>;
/** Blob SHAs GitHub answers with a 502. */
let failing: Set<string>;

beforeEach(() => {
  seen.length = 0;
  failing = new Set();
  files = {
    'services/checkout/package.json': CHECKOUT_PACKAGE,
    'services/checkout/requirements.txt': CHECKOUT_REQUIREMENTS,
    'services/checkout/src/index.ts': 'export {};\n',
    'services/cart/package.json': CART_PACKAGE,
  };
  server.resetHandlers(
    // The fixture tree (its root package.json included) and `files`, each
    // with the SHA Git gives its content.
    http.get(
      `${REPO_API}/git/trees/:ref`,
      restAnswer(seen, () => ({
        ...tree,
        tree: [
          ...tree.tree.filter(e => !e.path.startsWith('src')),
          ...Object.entries(files).map(([path, text]) => ({
            path,
            mode: '100644',
            type: 'blob',
            sha: gitBlobSha(text),
            size: Buffer.byteLength(text),
            url: `${REPO_API}/git/blobs/${gitBlobSha(text)}`,
          })),
        ],
      })),
    ),
    http.get(`${REPO_API}/git/blobs/:sha`, ({ params }) => {
      if (!failing.has(String(params.sha))) return undefined;
      return new HttpResponse('<html>Bad gateway</html>', { status: 502 });
    }),
    blobHandler(seen, sha =>
      sha === TREE_FIXTURE_BLOB_SHA
        ? manifestFixture('shop.package.json')
        : Object.values(files).find(text => gitBlobSha(text) === sha),
    ),
    ...githubHandlers(seen),
  );
});

const client = testGithubClient();
const logger = mockServices.logger.mock();

async function sync(sink: RecordingSink) {
  const [result] = await syncGithubRepositories({
    client,
    sink,
    repositories: new Map([[monorepo.scope, monorepo]]),
    logger,
    initialLookbackDays: 90,
    maxConcurrency: 1,
    now: NOW,
  });
  return result;
}

/** Changes a file of the tree; its blob is served under its new SHA. */
function change(path: string, text: string) {
  files[path] = text;
}

const DEPENDENCY_FACTS = [
  'feature-flag-sdk',
  'telemetry-sdk',
  'experiment-tracking',
  'data-validation',
  'model-validation',
  'drift-monitoring',
];
const dependencyFactsOf = (sink: RecordingSink, entityRef: string) =>
  Object.fromEntries(
    [...sink.events.values()]
      .filter(
        e =>
          e.type === 'repo_fact' &&
          e.entityRef === entityRef &&
          DEPENDENCY_FACTS.includes(e.fact),
      )
      .map(e => [(e as any).fact, (e as any).value]),
  );
const blobReads = () => seen.filter(r => r.path.includes('/git/blobs/'));
const factWritesSince = (sink: RecordingSink, writes: number) =>
  sink.writes
    .slice(writes)
    .flat()
    .filter(e => e.type === 'repo_fact');
const treeCall = () => seen.find(r => r.path.endsWith('/git/trees/main'))!;

describe('syncGithubRepository: dependency manifests', () => {
  it('gives a monorepo path the facts of its own manifests and the root’s', async () => {
    const sink = new RecordingSink();
    const result = await sync(sink);
    expect(result.error).toBeUndefined();

    // LaunchDarkly and OpenTelemetry in package.json; MLflow and Evidently
    // in requirements.txt.
    expect(dependencyFactsOf(sink, CHECKOUT)).toEqual({
      'feature-flag-sdk': true,
      'telemetry-sdk': true,
      'experiment-tracking': true,
      'data-validation': false,
      'model-validation': false,
      'drift-monitoring': true,
    });
    // The cart's package.json and the root's show none of them.
    expect(dependencyFactsOf(sink, CART)).toEqual({
      'feature-flag-sdk': false,
      'telemetry-sdk': false,
      'experiment-tracking': false,
      'data-validation': false,
      'model-validation': false,
      'drift-monitoring': false,
    });
    // Tree facts are still there, side by side.
    expect(
      [...sink.events.values()].find(
        e =>
          e.type === 'repo_fact' &&
          e.entityRef === CHECKOUT &&
          e.fact === 'codeowners',
      ),
    ).toMatchObject({ value: true });

    // One request per manifest: the root's, two of checkout, one of cart.
    expect(blobReads().map(r => r.status)).toEqual([200, 200, 200, 200]);
    const cursor = JSON.parse(sink.cursors.get('acme/shop')!);
    expect(Object.keys(cursor.manifests.files).sort()).toEqual([
      'package.json',
      'services/cart/package.json',
      'services/checkout/package.json',
      'services/checkout/requirements.txt',
    ]);
    expect(cursor.treeFactsByPath['services/checkout']).toMatchObject({
      'feature-flag-sdk': true,
      dockerfile: false,
    });
  });

  it('reads no manifest while the tree is unchanged, and only a changed one after', async () => {
    const sink = new RecordingSink();
    await sync(sink);
    let writes = sink.writes.length;

    // Unchanged: the tree answers 304, no manifest is read, nothing written.
    seen.length = 0;
    await sync(sink);
    expect(treeCall().status).toBe(304);
    expect(blobReads()).toEqual([]);
    expect(factWritesSince(sink, writes)).toEqual([]);

    // Another file changed: the tree is read, its manifests are not.
    seen.length = 0;
    change('services/checkout/src/pay.ts', 'export const pay = 1;\n');
    await sync(sink);
    expect(treeCall().status).toBe(200);
    expect(blobReads()).toEqual([]);
    expect(factWritesSince(sink, writes)).toEqual([]);

    // requirements.txt changed: only it is read again.
    seen.length = 0;
    writes = sink.writes.length;
    const validation = manifestFixture('validation.requirements.txt');
    change('services/checkout/requirements.txt', validation);
    await sync(sink);
    expect(blobReads().map(r => r.path)).toEqual([
      `/repos/acme/shop/git/blobs/${gitBlobSha(validation)}`,
    ]);
    expect(dependencyFactsOf(sink, CHECKOUT)).toMatchObject({
      'feature-flag-sdk': true,
      'experiment-tracking': false,
      'data-validation': true,
      'model-validation': true,
      'drift-monitoring': false,
    });
    expect(factWritesSince(sink, writes).length).toBeGreaterThan(0);
  });

  it('keeps the cursor and writes no facts when a manifest read fails (502)', async () => {
    const sink = new RecordingSink();
    await sync(sink);
    const cursor = sink.cursors.get('acme/shop');
    const before = dependencyFactsOf(sink, CHECKOUT);
    const writes = sink.writes.length;

    const withoutFlags = CHECKOUT_PACKAGE.replace(
      /\s*"@launchdarkly\/node-server-sdk": "[^"]*",/,
      '',
    );
    change('services/checkout/package.json', withoutFlags);
    failing.add(gitBlobSha(withoutFlags));
    const failed = await sync(sink);
    expect(failed.error?.message).toMatch(
      new RegExp(
        `GitHub GET /repos/acme/shop/git/blobs/${gitBlobSha(
          withoutFlags,
        )} answered 502`,
      ),
    );
    expect(sink.cursors.get('acme/shop')).toBe(cursor);
    expect(factWritesSince(sink, writes)).toEqual([]);
    expect(dependencyFactsOf(sink, CHECKOUT)).toEqual(before);

    // Recovered, the next sync reads it.
    failing.clear();
    await sync(sink);
    expect(dependencyFactsOf(sink, CHECKOUT)).toMatchObject({
      'feature-flag-sdk': false,
      'telemetry-sdk': true,
    });
  });

  it('reads the tree and manifests again for a cursor stored before dependency facts', async () => {
    const sink = new RecordingSink();
    await sync(sink);
    const { manifests, ...older } = JSON.parse(sink.cursors.get('acme/shop')!);
    expect(manifests).toBeDefined();
    await sink.setCursor('acme/shop', JSON.stringify(older));

    seen.length = 0;
    await sync(sink);
    expect(treeCall().headers.get('if-none-match')).toBeNull();
    expect(blobReads()).toHaveLength(4);
    expect(JSON.parse(sink.cursors.get('acme/shop')!).manifests).toEqual(
      manifests,
    );
  });
});
