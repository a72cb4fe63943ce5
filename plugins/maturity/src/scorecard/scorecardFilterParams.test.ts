import {
  filtersFromSearchParams,
  filtersKey,
  searchParamsOfFilters,
} from './scorecardFilterParams';

describe('scorecard filters in the query string', () => {
  it('reads what the list API takes, by the same names', () => {
    expect(
      filtersFromSearchParams(
        new URLSearchParams(
          'owner=group:default/a&owner=group:default/b&includeSubgroups=true&system=system:default/s&q=api&minLevel=2&maxLevel=3&minMlopsLevel=0&maxMlopsLevel=1&deliveryBand=unknown&failingCheck=test.3.e2e-tests&kind=component&lifecycle=production&domain=domain:default/d&waivedCheck=culture.3.codeowners&levels=withoutWaivers',
        ),
      ),
    ).toEqual({
      owner: ['group:default/a', 'group:default/b'],
      includeSubgroups: true,
      system: 'system:default/s',
      domain: 'domain:default/d',
      kind: 'component',
      lifecycle: 'production',
      q: 'api',
      failingCheck: 'test.3.e2e-tests',
      waivedCheck: 'culture.3.codeowners',
      levels: 'withoutWaivers',
      minLevel: 2,
      maxLevel: 3,
      minMlopsLevel: 0,
      maxMlopsLevel: 1,
      deliveryBand: 'unknown',
    });
  });

  it('reads band none, below low', () => {
    expect(
      filtersFromSearchParams(new URLSearchParams('deliveryBand=none')),
    ).toEqual({ deliveryBand: 'none' });
  });

  it('leaves out values the API would reject, and sub-groups without an owner', () => {
    expect(
      filtersFromSearchParams(
        new URLSearchParams(
          'minLevel=7&maxLevel=x&minMlopsLevel=3&maxMlopsLevel=-1&deliveryBand=great&includeSubgroups=true&q=%20&levels=asScored&levels=x',
        ),
      ),
    ).toEqual({});
    expect(
      filtersFromSearchParams(new URLSearchParams('owner=group:default/a')),
    ).toEqual({ owner: ['group:default/a'], includeSubgroups: false });
  });

  it('writes them back the same, whatever order they were set in', () => {
    const search =
      'owner=group%3Adefault%2Fa&includeSubgroups=true&failingCheck=test.3.e2e-tests&waivedCheck=culture.3.codeowners&minLevel=0&minMlopsLevel=2&maxMlopsLevel=2&deliveryBand=high&levels=withoutWaivers';
    const filters = filtersFromSearchParams(new URLSearchParams(search));
    expect(searchParamsOfFilters(filters).toString()).toBe(search);
    expect(
      filtersKey({
        minLevel: 0,
        failingCheck: 'x',
        owner: ['group:default/a'],
      }),
    ).toBe(
      filtersKey({
        owner: ['group:default/a'],
        failingCheck: 'x',
        minLevel: 0,
      }),
    );
    expect(searchParamsOfFilters({}).toString()).toBe('');
  });
});
