import { CatalogSnapshot } from './CatalogSnapshot';

describe('CatalogSnapshot', () => {
  it('reuses a read while younger than maxAgeMs; refresh always reads', async () => {
    let now = 0;
    let reads = 0;
    const snapshot = new CatalogSnapshot({
      read: async () => ++reads,
      maxAgeMs: 1_000,
      now: () => now,
    });

    expect(await snapshot.get()).toBe(1);
    now = 999;
    expect(await snapshot.get()).toBe(1);
    now = 1_000;
    expect(await snapshot.get()).toBe(2);

    expect(await snapshot.refresh()).toBe(3);
    now = 1_500;
    expect(await snapshot.get()).toBe(3);
  });

  it('keeps the last good read when a read fails', async () => {
    const now = 0;
    let fail = false;
    const snapshot = new CatalogSnapshot({
      read: async () => {
        if (fail) throw new Error('catalog unavailable');
        return 'map';
      },
      maxAgeMs: 10,
      now: () => now,
    });
    await snapshot.refresh();
    fail = true;
    await expect(snapshot.refresh()).rejects.toThrow('catalog unavailable');
    expect(await snapshot.get()).toBe('map');
  });
});
