import { parseRepositoryCursor } from './RepositoryCursor';

describe('parseRepositoryCursor', () => {
  it('reads a cursor written before path scoping: its tree facts are the whole repository’s', () => {
    const stored = JSON.stringify({
      runs: '2026-11-20T11:00:00Z',
      deployments: '2026-11-20T10:10:00Z',
      pulls: '2026-11-20T11:00:00Z',
      commits: '2026-11-20T09:30:00Z',
      etags: { '/repos/acme/shop/git/trees/main?recursive=1': 'W/"1"' },
      treeFacts: { codeowners: true, tests: true },
      factsWritten: '[["codeowners",true]]',
    });
    expect(parseRepositoryCursor(stored)).toMatchObject({
      treeFactsByPath: { '': { codeowners: true, tests: true } },
      factsWritten: '[["codeowners",true]]',
    });
  });

  it('reads stale-branch counts, an uncountable one included, and drops what it cannot read', () => {
    const parse = (staleBranches: unknown) =>
      parseRepositoryCursor(JSON.stringify({ staleBranches })).staleBranches;
    expect(parse({ count: 3, countedAt: '2026-11-20T12:00:00.000Z' })).toEqual({
      count: 3,
      countedAt: '2026-11-20T12:00:00.000Z',
    });
    expect(
      parse({ count: null, countedAt: '2026-11-20T12:00:00.000Z' }),
    ).toEqual({ count: null, countedAt: '2026-11-20T12:00:00.000Z' });
    expect(parse({ count: '3', countedAt: 'yesterday' })).toBeUndefined();
    expect(
      parseRepositoryCursor(
        JSON.stringify({ derived: [1], treeFactsByPath: 'x' }),
      ),
    ).toMatchObject({ derived: undefined, treeFactsByPath: undefined });
    expect(parseRepositoryCursor('{not json')).toEqual({});
  });

  it('reads the entities a cursor was built for, from factsWritten when it predates them', () => {
    const parse = (cursor: unknown) =>
      parseRepositoryCursor(JSON.stringify(cursor)).entityRefs;
    const A = 'component:default/checkout-api';
    const B = 'component:default/cart-api';
    expect(parse({ entityRefs: [B, A] })).toEqual([B, A]);
    // Before entity sets: the entities whose facts the last sync wrote.
    expect(
      parse({
        factsWritten: JSON.stringify([
          [A, [['codeowners', true]]],
          [B, []],
        ]),
      }),
    ).toEqual([A, B]);
    // A stored set wins; one that is not a list of refs is not read.
    expect(
      parse({ entityRefs: [A], factsWritten: JSON.stringify([[B, []]]) }),
    ).toEqual([A]);
    expect(
      parse({ entityRefs: [A, 7], factsWritten: JSON.stringify([[B, []]]) }),
    ).toEqual([B]);
    // The first cursors wrote facts without entities: unknown.
    expect(
      parse({ factsWritten: '[["codeowners",true],["stale-branches",3]]' }),
    ).toBeUndefined();
    expect(parse({ factsWritten: '[]' })).toBeUndefined();
    expect(parse({ factsWritten: '{not json' })).toBeUndefined();
    expect(parse({})).toBeUndefined();
  });
});
