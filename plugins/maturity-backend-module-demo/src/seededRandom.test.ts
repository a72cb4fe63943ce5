import { SeededRandom, demoSha } from './seededRandom';

describe('SeededRandom', () => {
  it('repeats the same stream for the same seed', () => {
    const a = new SeededRandom('component:default/a|2025-01-01');
    const b = new SeededRandom('component:default/a|2025-01-01');
    const drawsA = Array.from({ length: 50 }, () => a.next());
    const drawsB = Array.from({ length: 50 }, () => b.next());
    expect(drawsA).toEqual(drawsB);
  });

  it('gives unrelated streams for neighbouring seeds', () => {
    const a = new SeededRandom('component:default/a|2025-01-01');
    const b = new SeededRandom('component:default/a|2025-01-02');
    const drawsA = Array.from({ length: 20 }, () => a.next());
    const drawsB = Array.from({ length: 20 }, () => b.next());
    expect(drawsA.filter((x, i) => x === drawsB[i])).toHaveLength(0);
  });

  it('draws within the requested bounds', () => {
    const random = new SeededRandom('bounds');
    for (let i = 0; i < 1000; i++) {
      const uniform = random.next();
      expect(uniform).toBeGreaterThanOrEqual(0);
      expect(uniform).toBeLessThan(1);
      const integer = random.integer(2, 4);
      expect([2, 3, 4]).toContain(integer);
      const skewed = random.skewed([0.5, 8]);
      expect(skewed).toBeGreaterThanOrEqual(0.5);
      expect(skewed).toBeLessThanOrEqual(8);
    }
  });

  it('draws Poisson counts around their mean', () => {
    const random = new SeededRandom('poisson');
    const samples = Array.from({ length: 5000 }, () => random.poisson(2.5));
    const mean = samples.reduce((sum, x) => sum + x, 0) / samples.length;
    expect(mean).toBeGreaterThan(2.3);
    expect(mean).toBeLessThan(2.7);
    expect(random.poisson(0)).toBe(0);
  });

  it('skews durations towards the low end', () => {
    const random = new SeededRandom('skew');
    const samples = Array.from({ length: 2000 }, () => random.skewed([1, 100]));
    const belowTen = samples.filter(x => x < 10).length / samples.length;
    expect(belowTen).toBeGreaterThan(0.4);
    expect(belowTen).toBeLessThan(0.6);
  });
});

describe('demoSha', () => {
  it('is a stable 40-digit hex commit sha per seed', () => {
    expect(demoSha('x')).toMatch(/^[0-9a-f]{40}$/);
    expect(demoSha('x')).toBe(demoSha('x'));
    expect(demoSha('x')).not.toBe(demoSha('y'));
  });
});
