const UNITS: Array<{ unit: Intl.RelativeTimeFormatUnit; ms: number }> = [
  { unit: 'year', ms: 365 * 24 * 60 * 60 * 1000 },
  { unit: 'month', ms: 30 * 24 * 60 * 60 * 1000 },
  { unit: 'week', ms: 7 * 24 * 60 * 60 * 1000 },
  { unit: 'day', ms: 24 * 60 * 60 * 1000 },
  { unit: 'hour', ms: 60 * 60 * 1000 },
  { unit: 'minute', ms: 60 * 1000 },
];

const formatter = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/**
 * A time relative to now, e.g. `3 days ago`, `yesterday`, `in 2 hours`.
 * Rounded to the nearest whole unit; under a minute away is `just now`.
 */
export function formatRelativeTime(iso: string, now: number = Date.now()) {
  const diff = Date.parse(iso) - now;
  if (Number.isNaN(diff)) {
    return iso;
  }
  for (const { unit, ms } of UNITS) {
    if (Math.abs(diff) >= ms) {
      return formatter.format(Math.round(diff / ms), unit);
    }
  }
  return 'just now';
}
