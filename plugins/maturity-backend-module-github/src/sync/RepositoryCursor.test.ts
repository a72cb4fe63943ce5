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
});
