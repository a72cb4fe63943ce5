const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A duration in its two largest units, e.g. `45s`, `3m 20s`, `2h 5m`, `3d 4h`.
 */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / SECOND) * SECOND);
  const parts: Array<[number, string]> = [
    [Math.floor(total / DAY), 'd'],
    [Math.floor((total % DAY) / HOUR), 'h'],
    [Math.floor((total % HOUR) / MINUTE), 'm'],
    [Math.floor((total % MINUTE) / SECOND), 's'],
  ];
  const first = parts.findIndex(([value]) => value > 0);
  if (first === -1) {
    return '0s';
  }
  return parts
    .slice(first, first + 2)
    .filter(([value]) => value > 0)
    .map(([value, unit]) => `${value}${unit}`)
    .join(' ');
}

/** The duration between two ISO times, or undefined when either is missing. */
export function durationBetween(
  start: string | undefined,
  end: string | undefined,
): number | undefined {
  if (!start || !end) {
    return undefined;
  }
  const ms = Date.parse(end) - Date.parse(start);
  return Number.isNaN(ms) ? undefined : ms;
}
