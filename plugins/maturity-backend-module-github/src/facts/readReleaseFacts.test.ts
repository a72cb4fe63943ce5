import { http } from 'msw';
import releases from '../__fixtures__/releases.json';
import tags from '../__fixtures__/tags.json';
import {
  REPO_API,
  repository,
  restAnswer,
  testGithubClient,
} from '../__testUtils__/githubApi';
import { ConditionalReads } from './readConditionally';
import { isVersionName, readReleaseFacts } from './readReleaseFacts';
import { setupGithubApiServer } from '../__testUtils__/setupGithubApiServer';

const { server, seen } = setupGithubApiServer();

const client = testGithubClient();
const emptyReads = (): ConditionalReads => ({
  previous: { etags: {}, derived: {} },
  next: { etags: {}, derived: {} },
});
const read = (reads = emptyReads()) =>
  readReleaseFacts(client, repository, { base: '/repos/acme/shop', reads });
const paths = () => seen.map(r => r.path.replace('/repos/acme/shop', ''));

describe('readReleaseFacts', () => {
  it('finds a published versioned release without reading tags', async () => {
    expect(await read()).toEqual({ 'versioned-releases': true });
    expect(paths()).toEqual(['/releases']);
    expect(seen[0].query.get('per_page')).toBe('100');
  });

  it('falls back to tags when no published release is versioned', async () => {
    const draftOnly = releases.filter(r => r.draft);
    server.use(
      http.get(
        `${REPO_API}/releases`,
        restAnswer(seen, () => draftOnly),
      ),
    );
    expect(await read()).toEqual({ 'versioned-releases': true });
    expect(paths()).toEqual(['/releases', '/tags']);

    server.use(
      http.get(
        `${REPO_API}/releases`,
        restAnswer(seen, () => []),
      ),
      http.get(
        `${REPO_API}/tags`,
        restAnswer(seen, () => [
          { ...tags[0], name: 'latest' },
          { ...tags[0], name: 'nightly-build' },
        ]),
      ),
    );
    expect(await read()).toEqual({ 'versioned-releases': false });
  });

  it('reuses what it derived when the lists answer 304', async () => {
    server.use(
      http.get(
        `${REPO_API}/releases`,
        restAnswer(seen, () => []),
        { once: true },
      ),
    );
    const first = emptyReads();
    await read(first);
    expect(first.next.derived).toEqual({
      '/repos/acme/shop/releases?per_page=100': false,
      '/repos/acme/shop/tags?per_page=100': true,
    });
    // The releases list has changed since: it is read again, in full.
    seen.length = 0;
    const second = {
      previous: first.next,
      next: { etags: {}, derived: {} },
    };
    expect(await read(second)).toEqual({ 'versioned-releases': true });
    expect(seen.map(r => r.status)).toEqual([200]);
    // Unchanged now: one 304, nothing else.
    seen.length = 0;
    expect(
      await read({ previous: second.next, next: { etags: {}, derived: {} } }),
    ).toEqual({ 'versioned-releases': true });
    expect(seen.map(r => [r.path, r.status])).toEqual([
      ['/repos/acme/shop/releases', 304],
    ]);
  });

  it('knows version names', () => {
    for (const name of [
      '1.4',
      'v1.4.2',
      '2024.11.0',
      'v2.0.0-rc.1',
      'checkout-v1.4.2',
      '@acme/cart@1.4.2',
      'cart/v1.4.2',
    ]) {
      expect([name, isVersionName(name)]).toEqual([name, true]);
    }
    for (const name of ['latest', 'v1', 'release-candidate', 'prod']) {
      expect([name, isVersionName(name)]).toEqual([name, false]);
    }
  });
});
