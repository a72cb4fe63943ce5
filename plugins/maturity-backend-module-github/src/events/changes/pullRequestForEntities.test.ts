import { GithubPullRequest } from '../../api/types';
import { GithubRepository } from '../../catalog/readRepositoryMap';
import pulls from '../../__fixtures__/pulls.json';
import { pullRequestForEntities } from './pullRequestForEntities';

const monorepo: GithubRepository = {
  host: 'github.com',
  owner: 'acme',
  repo: 'shop',
  apiBaseUrl: 'https://api.github.com',
  url: 'https://github.com/acme/shop',
  scope: 'acme/shop',
  entities: [
    { entityRef: 'component:default/cart', path: 'services/cart' },
    { entityRef: 'component:default/checkout', path: 'services/checkout' },
    { entityRef: 'system:default/shop' },
  ],
};
const pull = pulls[0] as GithubPullRequest;
const details = (files?: string[]) => ({
  reviews: [],
  commits: [],
  ...(files ? { files } : {}),
});

describe('pullRequestForEntities', () => {
  it('gives a pull request to the entities whose path it changes, and to whole-repository ones', () => {
    const events = pullRequestForEntities(
      monorepo,
      pull,
      details([
        'services/checkout/src/pay.ts',
        'services/checkout-legacy/src/pay.test.ts',
        'README.md',
      ]),
    );
    expect(
      events.map(e => [
        e.entityRef,
        'externalId' in e && e.externalId,
        (e as any).touchesSource,
        (e as any).touchesTests,
      ]),
    ).toEqual([
      [
        'component:default/checkout',
        'acme/shop#42 component:default/checkout',
        true,
        // A sibling directory with a common prefix is not under the path.
        false,
      ],
      ['system:default/shop', 'acme/shop#42 system:default/shop', true, true],
    ]);
  });

  it('without the file list, gives it only to whole-repository entities, with no touch flags', () => {
    const events = pullRequestForEntities(monorepo, pull, details());
    expect(events.map(e => e.entityRef)).toEqual(['system:default/shop']);
    expect(events[0]).not.toHaveProperty('touchesSource');
    expect(
      pullRequestForEntities(monorepo, pull).map(e => e.entityRef),
    ).toEqual(['system:default/shop']);
  });
});
