import { setupServer } from 'msw/node';
import {
  GITHUB_TOKEN,
  REPO_API,
  SeenRequest,
  blobHandler,
  gitBlobSha,
  manifestFixture,
  repository,
  testGithubClient,
} from '../__testUtils__/githubApi';
import { GithubTreeEntry } from '../api/types';
import {
  MANIFEST_READING_VERSION,
  StoredManifests,
  readManifestFacts,
} from './readManifestFacts';

const seen: SeenRequest[] = [];
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  seen.length = 0;
});
afterAll(() => server.close());

const client = testGithubClient();

const ROOT = manifestFixture('shop.package.json');
const CHECKOUT = manifestFixture('checkout.package.json');
const STOREFRONT = manifestFixture('frontend.package.json');
const ML = manifestFixture('ml.requirements.txt');
const VALIDATION = manifestFixture('validation.requirements.txt');

/** A tree entry as GitHub lists it, for a file with this text. */
const file = (
  path: string,
  text: string,
  extra: Partial<GithubTreeEntry> = {},
): GithubTreeEntry & { text: string } => ({
  path,
  mode: '100644',
  type: 'blob',
  sha: gitBlobSha(text),
  size: Buffer.byteLength(text),
  text,
  ...extra,
});

/** Reads the manifests of a tree whose blobs GitHub serves. */
async function read(
  files: Array<GithubTreeEntry & { text?: string }>,
  scopes: string[],
  options: { stored?: StoredManifests; truncated?: boolean } = {},
) {
  server.resetHandlers(
    blobHandler(
      seen,
      Object.fromEntries(
        files.flatMap(f => (f.text !== undefined ? [[f.sha!, f.text]] : [])),
      ),
    ),
  );
  return readManifestFacts(client, repository, {
    base: '/repos/acme/shop',
    tree: {
      truncated: options.truncated ?? false,
      tree: [
        { path: 'services', mode: '040000', type: 'tree', sha: 'd1' },
        ...files.map(({ text, ...entry }) => entry),
      ],
    },
    scopes,
    stored: options.stored,
    concurrency: 2,
  });
}

const blobReads = () => seen.filter(r => r.path.includes('/git/blobs/'));

const MONOREPO = [
  file('package.json', ROOT),
  file('services/checkout/package.json', CHECKOUT),
  file('services/checkout/requirements.txt', ML),
  file('services/cart/package.json', STOREFRONT),
  file('services/cart/src/index.ts', 'export {};\n'),
];

describe('readManifestFacts', () => {
  it('reads the manifests under each path and at the root, once per content', async () => {
    const { factsByPath, manifests } = await read(MONOREPO, [
      'services/checkout',
      'services/cart',
      '',
    ]);
    expect(factsByPath).toEqual({
      // LaunchDarkly and OpenTelemetry; MLflow and Evidently.
      'services/checkout': {
        'feature-flag-sdk': true,
        'telemetry-sdk': true,
        'experiment-tracking': true,
        'data-validation': false,
        'model-validation': false,
        'drift-monitoring': true,
      },
      // OpenFeature and Sentry.
      'services/cart': {
        'feature-flag-sdk': true,
        'telemetry-sdk': true,
        'experiment-tracking': false,
        'data-validation': false,
        'model-validation': false,
        'drift-monitoring': false,
      },
      '': {
        'feature-flag-sdk': true,
        'telemetry-sdk': true,
        'experiment-tracking': true,
        'data-validation': false,
        'model-validation': false,
        'drift-monitoring': true,
      },
    });
    // Four manifests, each read once with the integration's token.
    expect(
      blobReads()
        .map(r => r.path.split('/').pop())
        .sort(),
    ).toEqual(
      MONOREPO.slice(0, 4)
        .map(f => f.sha)
        .sort(),
    );
    expect(blobReads()[0].headers.get('authorization')).toBe(
      `Bearer ${GITHUB_TOKEN}`,
    );
    expect(manifests).toEqual({
      version: MANIFEST_READING_VERSION,
      files: {
        'package.json': { sha: MONOREPO[0].sha, facts: [] },
        'services/checkout/package.json': {
          sha: MONOREPO[1].sha,
          facts: ['feature-flag-sdk', 'telemetry-sdk'],
        },
        'services/checkout/requirements.txt': {
          sha: MONOREPO[2].sha,
          facts: ['experiment-tracking', 'drift-monitoring'],
        },
        'services/cart/package.json': {
          sha: MONOREPO[3].sha,
          facts: ['feature-flag-sdk', 'telemetry-sdk'],
        },
      },
    });
  });

  it('reads again only the manifests whose blob changed, and all under other rules', async () => {
    const scopes = ['services/checkout', 'services/cart'];
    const { manifests } = await read(MONOREPO, scopes);
    seen.length = 0;

    const changed = [
      ...MONOREPO.filter(f => !f.path.endsWith('requirements.txt')),
      file('services/checkout/requirements.txt', VALIDATION),
    ];
    const again = await read(changed, scopes, { stored: manifests });
    expect(blobReads().map(r => r.path)).toEqual([
      `/repos/acme/shop/git/blobs/${changed[4].sha}`,
    ]);
    expect(again.factsByPath['services/checkout']).toMatchObject({
      'experiment-tracking': false,
      'data-validation': true,
      'model-validation': true,
      'drift-monitoring': false,
    });

    seen.length = 0;
    await read(changed, scopes, { stored: again.manifests });
    expect(blobReads()).toEqual([]);

    await read(changed, scopes, {
      stored: { ...again.manifests, version: 'older-rules' },
    });
    expect(blobReads()).toHaveLength(4);
  });

  it('leaves out vendored code, test fixtures and symbolic links', async () => {
    const { factsByPath } = await read(
      [
        file('package.json', ROOT),
        file(
          'node_modules/launchdarkly-node-server-sdk/package.json',
          CHECKOUT,
        ),
        file(
          'vendor/github.com/x/go.mod',
          'require go.opentelemetry.io/otel v1',
        ),
        file('src/__fixtures__/requirements.txt', ML),
        file('linked/package.json', '../services/checkout/package.json', {
          mode: '120000',
        }),
      ],
      [''],
    );
    expect(factsByPath['']).toMatchObject({
      'feature-flag-sdk': false,
      'telemetry-sdk': false,
      'experiment-tracking': false,
    });
    expect(blobReads()).toHaveLength(1);
  });

  it('reads the 20 shallowest manifests of a path; the others leave absence unproven', async () => {
    const packages = Array.from({ length: 25 }, (_, i) => {
      const name = `p${String(i).padStart(2, '0')}`;
      return file(
        `services/checkout/packages/${name}/package.json`,
        i === 3 ? CHECKOUT : JSON.stringify({ name }),
      );
    });
    const { factsByPath } = await read(
      [...packages, file('package.json', ROOT)],
      ['services/checkout'],
    );
    // The root's and p00…p18: p19…p24 are not read.
    expect(blobReads()).toHaveLength(20);
    expect(blobReads().map(r => r.path)).not.toContain(
      `/repos/acme/shop/git/blobs/${packages[19].sha}`,
    );
    expect(factsByPath['services/checkout']).toEqual({
      'feature-flag-sdk': true,
      'telemetry-sdk': true,
    });
  });

  it('reports only what it found in a truncated tree', async () => {
    const { factsByPath } = await read(
      [file('services/checkout/package.json', CHECKOUT)],
      ['services/checkout'],
      { truncated: true },
    );
    expect(factsByPath['services/checkout']).toEqual({
      'feature-flag-sdk': true,
      'telemetry-sdk': true,
    });
  });

  it('does not read a manifest over 1 MB, and reports nothing without a manifest read', async () => {
    const { factsByPath, manifests } = await read(
      [file('package.json', ROOT, { size: 2_000_000 })],
      [''],
    );
    expect(blobReads()).toEqual([]);
    expect(factsByPath['']).toEqual({});
    expect(manifests.files).toEqual({});

    expect(await read([], [''])).toMatchObject({ factsByPath: { '': {} } });
  });

  it('remembers an unreadable manifest, which leaves absence unproven', async () => {
    const files = [
      file('package.json', '{ "name": "shop", '),
      file('requirements.txt', ML),
    ];
    const { factsByPath, manifests } = await read(files, ['']);
    expect(factsByPath['']).toEqual({
      'experiment-tracking': true,
      'drift-monitoring': true,
    });
    expect(manifests.files['package.json']).toEqual({ sha: files[0].sha });

    seen.length = 0;
    await read(files, [''], { stored: manifests });
    expect(blobReads()).toEqual([]);
  });

  it('reads again next time a blob GitHub no longer has (404)', async () => {
    const gone = file('requirements.txt', ML);
    const { factsByPath, manifests } = await read(
      [file('package.json', CHECKOUT), { ...gone, text: undefined }],
      [''],
    );
    expect(
      blobReads()
        .map(r => r.status)
        .sort(),
    ).toEqual([200, 404]);
    expect(factsByPath['']).toEqual({
      'feature-flag-sdk': true,
      'telemetry-sdk': true,
    });
    expect(Object.keys(manifests.files)).toEqual(['package.json']);
    expect(blobReads().find(r => r.status === 404)?.path).toBe(
      new URL(`${REPO_API}/git/blobs/${gone.sha}`).pathname,
    );
  });
});
