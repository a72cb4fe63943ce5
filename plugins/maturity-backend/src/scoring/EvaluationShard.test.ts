import { inShard, shardOfEntity } from './EvaluationShard';

const refs = Array.from(
  { length: 1000 },
  (_, i) => `component:team-${i % 7}/service-${i}`,
);

describe('shardOfEntity', () => {
  it('gives every entity exactly one shard, the same whatever the spelling or the order', () => {
    for (const count of [1, 2, 3, 4, 8]) {
      const shards = refs.map(ref => shardOfEntity(ref, count));
      for (const [i, ref] of refs.entries()) {
        const owners = Array.from(
          { length: count },
          (_, index) => index,
        ).filter(index => inShard(ref, { index, count }));
        expect(owners).toEqual([shards[i]]);
      }
      expect([...refs].reverse().map(ref => shardOfEntity(ref, count))).toEqual(
        [...shards].reverse(),
      );
    }
    expect(shardOfEntity('Component:Default/Checkout-API', 4)).toBe(
      shardOfEntity('component:default/checkout-api', 4),
    );
    expect(
      shardOfEntity(
        { kind: 'Component', namespace: 'default', name: 'checkout-api' },
        4,
      ),
    ).toBe(shardOfEntity('component:default/checkout-api', 4));
  });

  it('is stable across releases and spreads entities evenly', () => {
    // Fixed values: a change of the hash would move entities between shards
    // while replicas of two releases run side by side.
    expect(
      ['component:default/a', 'component:default/b', 'component:default/c'].map(
        ref => shardOfEntity(ref, 4),
      ),
    ).toEqual([3, 2, 0]);
    const sizes = [0, 0, 0, 0];
    for (const ref of refs) sizes[shardOfEntity(ref, 4)]++;
    for (const size of sizes) expect(Math.abs(size - 250)).toBeLessThan(50);
  });

  it('puts every entity in scope without a shard', () => {
    expect(inShard('component:default/a', undefined)).toBe(true);
  });
});
