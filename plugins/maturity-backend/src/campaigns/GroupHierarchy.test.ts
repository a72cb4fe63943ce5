import { GroupHierarchy, withDescendantGroups } from './GroupHierarchy';

const groups = [
  { ref: 'group:default/acme' },
  { ref: 'group:default/engineering', parentRef: 'group:default/acme' },
  { ref: 'group:default/platform', parentRef: 'group:default/engineering' },
  { ref: 'group:default/payments', parentRef: 'group:default/engineering' },
  { ref: 'group:default/data', parentRef: 'group:default/acme' },
];

describe('withDescendantGroups', () => {
  it('adds every group below the given ones, each once', () => {
    expect(withDescendantGroups(groups, ['group:default/engineering'])).toEqual(
      [
        'group:default/engineering',
        'group:default/platform',
        'group:default/payments',
      ],
    );
    expect(
      withDescendantGroups(groups, [
        'group:default/acme',
        'group:default/platform',
      ]).sort(),
    ).toEqual(groups.map(g => g.ref).sort());
  });

  it('keeps a group the catalog does not know, and survives a cycle', () => {
    expect(withDescendantGroups(groups, ['group:default/gone'])).toEqual([
      'group:default/gone',
    ]);
    const cycle = [
      { ref: 'group:default/a', parentRef: 'group:default/b' },
      { ref: 'group:default/b', parentRef: 'group:default/a' },
    ];
    expect(withDescendantGroups(cycle, ['group:default/a'])).toEqual([
      'group:default/a',
      'group:default/b',
    ]);
  });
});

describe('GroupHierarchy', () => {
  it('reads the catalog once a minute, and again after a failed read', async () => {
    let now = 0;
    const readGroups = jest
      .fn()
      .mockRejectedValueOnce(new Error('catalog down'))
      .mockResolvedValue(groups);
    const hierarchy = new GroupHierarchy({ readGroups, now: () => now });
    await expect(
      hierarchy.withDescendants(['group:default/data']),
    ).rejects.toThrow('catalog down');
    await hierarchy.withDescendants(['group:default/data']);
    now = 59_000;
    await hierarchy.withDescendants(['group:default/acme']);
    expect(readGroups).toHaveBeenCalledTimes(2);
    now = 60_000;
    await hierarchy.withDescendants(['group:default/acme']);
    expect(readGroups).toHaveBeenCalledTimes(3);
  });
});
