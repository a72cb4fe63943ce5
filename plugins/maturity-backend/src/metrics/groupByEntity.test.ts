import { groupByEntity } from './groupByEntity';

describe('groupByEntity', () => {
  it('groups rows by entity in the order of the rows, runs and interleaved alike', () => {
    const rows = [
      { entityRef: 'a', n: 1 },
      { entityRef: 'a', n: 2 },
      { entityRef: 'b', n: 3 },
      { entityRef: 'a', n: 4 },
      { entityRef: 'b', n: 5 },
      { entityRef: 'b', n: 6 },
      { entityRef: 'c', n: 7 },
    ];
    const groups = groupByEntity(rows);
    expect([...groups.keys()]).toEqual(['a', 'b', 'c']);
    expect(
      Object.fromEntries(
        [...groups].map(([ref, group]) => [ref, group.map(r => r.n)]),
      ),
    ).toEqual({ a: [1, 2, 4], b: [3, 5, 6], c: [7] });
  });

  it('has no groups for no rows', () => {
    expect(groupByEntity([]).size).toBe(0);
  });
});
