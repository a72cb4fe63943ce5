/**
 * GitHub's times are ISO 8601 strings, with `Z` or an offset: they are
 * compared as instants, never as strings.
 */

/** Milliseconds in a day. */
export const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether `a` is after `b`. */
export const isAfter = (a: string, b: string) => Date.parse(a) > Date.parse(b);

/** Whether `a` is at or after `b`. */
export const atOrAfter = (a: string, b: string) =>
  Date.parse(a) >= Date.parse(b);

/** The later of two times; `b` may be absent. */
export const later = (a: string, b?: string) =>
  b !== undefined && isAfter(b, a) ? b : a;
