import { durationBetween, formatDuration } from './formatDuration';

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [45_000, '45s'],
    [200_000, '3m 20s'],
    [3_600_000, '1h'],
    [7_500_000, '2h 5m'],
    [(3 * 24 + 4) * 3_600_000 + 59_000, '3d 4h'],
    [-5_000, '0s'],
  ])('%i ms is %s', (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
  });
});

describe('durationBetween', () => {
  it('is the time from start to end', () => {
    expect(
      durationBetween('2026-11-18T08:00:00.000Z', '2026-11-18T10:15:00.000Z'),
    ).toBe(8_100_000);
  });

  it('is undefined when either end is missing or invalid', () => {
    expect(
      durationBetween(undefined, '2026-11-18T10:15:00.000Z'),
    ).toBeUndefined();
    expect(
      durationBetween('2026-11-18T08:00:00.000Z', undefined),
    ).toBeUndefined();
    expect(durationBetween('nope', '2026-11-18T10:15:00.000Z')).toBeUndefined();
  });
});
