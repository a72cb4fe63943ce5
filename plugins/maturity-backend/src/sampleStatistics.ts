/**
 * Quantiles of a sample, by linear interpolation between the closest ranks
 * (so the median of an even-sized sample is the mean of the two middle
 * values). Undefined for an empty sample.
 */
export function quantile(values: number[], q: number): number | undefined {
  if (values.length === 0) {
    return undefined;
  }
  // A typed array sorts numerically without a comparator call per step.
  const sorted = Float64Array.from(values).sort();
  const rank = q * (sorted.length - 1);
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (rank - lower);
}

/** The median of a sample; undefined when empty. */
export function median(values: number[]): number | undefined {
  return quantile(values, 0.5);
}
