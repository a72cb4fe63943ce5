import { parseRetryAfter } from './parseRetryAfter';

const NOW = Date.parse('2026-11-20T16:00:00Z');

describe('parseRetryAfter', () => {
  it('reads delay-seconds, fractions and surrounding space included', () => {
    expect(parseRetryAfter('7', NOW)).toBe(7_000);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
    expect(parseRetryAfter('1.5', NOW)).toBe(1_500);
  });

  it('reads an HTTP date as the time left until it, never negative', () => {
    expect(parseRetryAfter('Fri, 20 Nov 2026 16:00:30 GMT', NOW)).toBe(30_000);
    expect(parseRetryAfter('Fri, 20 Nov 2026 15:59:00 GMT', NOW)).toBe(0);
  });

  it('is undefined for an absent or unreadable header', () => {
    expect(parseRetryAfter(null, NOW)).toBeUndefined();
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
  });
});
