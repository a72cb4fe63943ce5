import { performance } from 'node:perf_hooks';

/** Latency summary of a series of calls, in milliseconds. */
export interface LatencyStats {
  count: number;
  concurrency: number;
  p50: number;
  p99: number;
  max: number;
  /** Calls per second over the whole series. */
  throughput: number;
}

/** The value below which a share `q` of the sorted samples lie (nearest rank). */
export function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil(q * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

/**
 * Runs `count` calls of `call(i)` with `concurrency` callers in flight and
 * times each. Every call must succeed; the first failure stops the series.
 */
export async function measureLatency(
  count: number,
  concurrency: number,
  call: (i: number) => Promise<unknown>,
): Promise<LatencyStats> {
  const samples: number[] = [];
  let next = 0;
  const started = performance.now();
  const caller = async () => {
    while (next < count) {
      const i = next++;
      const t0 = performance.now();
      await call(i);
      samples.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, caller));
  const elapsed = performance.now() - started;
  samples.sort((a, b) => a - b);
  return {
    count,
    concurrency,
    p50: percentile(samples, 0.5),
    p99: percentile(samples, 0.99),
    max: samples[samples.length - 1],
    throughput: (count / elapsed) * 1000,
  };
}
