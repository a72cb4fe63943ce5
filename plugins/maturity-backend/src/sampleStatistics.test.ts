import { median, quantile } from './sampleStatistics';

describe('sample statistics', () => {
  it('takes the middle value of an odd sample, whatever the order', () => {
    expect(median([9, 1, 5])).toBe(5);
  });

  it('takes the mean of the two middle values of an even sample', () => {
    // sorted [1, 2, 4, 10]: (2 + 4) / 2
    expect(median([10, 4, 1, 2])).toBe(3);
  });

  it('interpolates quantiles between ranks', () => {
    // rank 0.75 · 4 = 3 → 40; rank 0.75 · 3 = 2.25 → 30 + 0.25 · 10
    expect(quantile([10, 20, 30, 40, 50], 0.75)).toBe(40);
    expect(quantile([10, 20, 30, 40], 0.75)).toBe(32.5);
  });

  it('has no value for an empty sample', () => {
    expect(median([])).toBeUndefined();
  });
});
