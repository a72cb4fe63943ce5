/**
 * The demo anchors every event to a UTC calendar day, identified by its day
 * number since the Unix epoch. Day numbers make "the previous day" and "30
 * days back" plain arithmetic, independent of time zones and DST.
 */

/** Milliseconds in an hour. @internal */
export const HOUR_MS = 60 * 60 * 1000;

/** Milliseconds in a minute. @internal */
export const MINUTE_MS = 60 * 1000;

/** Milliseconds in a UTC day. @internal */
export const DAY_MS = 24 * HOUR_MS;

/** The UTC day number a time falls on. @internal */
export function utcDayOf(timeMs: number): number {
  return Math.floor(timeMs / DAY_MS);
}

/** Midnight UTC at the start of a day number, in epoch milliseconds. @internal */
export function startOfUtcDay(day: number): number {
  return day * DAY_MS;
}

/** A day number as `yyyy-mm-dd`, for seeds and external ids. @internal */
export function utcDayKey(day: number): string {
  return new Date(startOfUtcDay(day)).toISOString().slice(0, 10);
}

/** True for Saturday and Sunday. @internal */
export function isWeekend(day: number): boolean {
  const weekday = new Date(startOfUtcDay(day)).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** The day number of the Monday starting the ISO week of a day. @internal */
export function mondayOf(day: number): number {
  // 1970-01-01 (day 0) was a Thursday, so day 4 is a Monday.
  return day - ((((day - 4) % 7) + 7) % 7);
}

/** Epoch milliseconds as an ISO 8601 string. @internal */
export function isoTime(timeMs: number): string {
  return new Date(timeMs).toISOString();
}
