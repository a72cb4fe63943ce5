/**
 * A tiny deterministic random source for the demo activity.
 *
 * The demo must produce the same events every time it runs for the same day,
 * so nothing here may read `Math.random()` or the clock: every stream is
 * derived from a seed string such as `component:default/checkout-api|2025-03-04|changes`.
 */

/**
 * Hashes a string to an unsigned 32-bit integer (FNV-1a followed by a
 * murmur-style finaliser, so that similar seeds such as consecutive days give
 * unrelated streams).
 */
function hashSeed(seed: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/**
 * A seeded pseudo-random stream with the few distributions the demo needs;
 * exported for generating other reproducible data (the plugin's benchmark
 * builds its catalogs with it).
 *
 * @public
 */
export class SeededRandom {
  #state: number;

  constructor(seed: string) {
    this.#state = hashSeed(seed);
  }

  /** Uniform in [0, 1) (mulberry32). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** True with the given probability. */
  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** Uniform in [low, high). */
  between(low: number, high: number): number {
    return low + (high - low) * this.next();
  }

  /** Integer uniform in [low, high] inclusive. */
  integer(low: number, high: number): number {
    return Math.floor(this.between(low, high + 1));
  }

  /**
   * Log-uniform in [low, high]: durations such as review time are skewed,
   * most are short and a few are long, which a uniform draw would not show.
   */
  skewed([low, high]: readonly [number, number]): number {
    if (low <= 0 || high <= low) {
      return low;
    }
    return Math.exp(this.between(Math.log(low), Math.log(high)));
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** A Poisson-distributed count with the given mean (Knuth's method). */
  poisson(mean: number): number {
    if (mean <= 0) {
      return 0;
    }
    const limit = Math.exp(-mean);
    let count = 0;
    let product = this.next();
    while (product > limit) {
      count++;
      product *= this.next();
    }
    return count;
  }
}

/**
 * A deterministic 40-hex-digit commit sha for a seed string, so the same
 * change always gets the same sha across runs.
 *
 * @internal
 */
export function demoSha(seed: string): string {
  const random = new SeededRandom(`sha|${seed}`);
  let sha = '';
  for (let i = 0; i < 5; i++) {
    sha += Math.floor(random.next() * 4294967296)
      .toString(16)
      .padStart(8, '0');
  }
  return sha;
}
