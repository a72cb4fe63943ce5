// RFC 3339 section 5.6: full-date "T" full-time, with a time offset. The
// separator and the Z may be lower case (RFC 3339 allows it); fractions of a
// second beyond milliseconds are accepted and truncated.
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const MINUTE_MS = 60 * 1000;

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function dateMillis(y: string, m: string, d: string): number | undefined {
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1) return undefined;
  // Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear does not.
  const probe = new Date(Date.UTC(2000, 0, 1));
  probe.setUTCFullYear(year, month - 1, 1);
  if (day > daysInMonth(year, month)) return undefined;
  return probe.getTime() + (day - 1) * 24 * 60 * MINUTE_MS;
}

/**
 * A calendar time as RFC 3339 (the spec's `date-time`) writes it, as epoch
 * milliseconds; undefined for anything else. Every component must exist on
 * the calendar: no month 13, no February 30 (which `Date` would read as
 * March 2), no leap second 23:59:60 (JavaScript time has none), no offset
 * beyond ±23:59.
 */
export function parseCalendarTimeMillis(value: unknown): number | undefined {
  if (typeof value !== 'string' || value.length > 40) return undefined;
  const match = DATE_TIME.exec(value);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, fraction, z, sign, oh, om] = match;
  const date = dateMillis(y, mo, d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (date === undefined || hour > 23 || minute > 59 || second > 59) {
    return undefined;
  }
  let offsetMinutes = 0;
  if (!z) {
    const offsetHours = Number(oh);
    const offsetMins = Number(om);
    if (offsetHours > 23 || offsetMins > 59) return undefined;
    offsetMinutes = (sign === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  const millis = fraction ? Number(fraction.slice(0, 3).padEnd(3, '0')) : 0;
  const time =
    date +
    (hour * 60 + minute - offsetMinutes) * MINUTE_MS +
    second * 1000 +
    millis;
  // Outside JavaScript's time range (about ±273,790 years) Date cannot hold it.
  return Number.isFinite(new Date(time).getTime()) ? time : undefined;
}

/** A `YYYY-MM-DD` calendar date (the spec's `date`) as the epoch milliseconds of its UTC midnight; undefined for anything else. */
export function parseCalendarDateMillis(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = DATE.exec(value);
  return match ? dateMillis(match[1], match[2], match[3]) : undefined;
}

/** Whether a value is an RFC 3339 calendar time that exists. */
export const isCalendarTime = (value: unknown): boolean =>
  parseCalendarTimeMillis(value) !== undefined;

/** Whether a value is a `YYYY-MM-DD` date that exists. */
export const isCalendarDate = (value: unknown): boolean =>
  parseCalendarDateMillis(value) !== undefined;
