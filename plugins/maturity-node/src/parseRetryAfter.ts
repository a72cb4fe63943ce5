/**
 * The wait (ms, never negative) a `Retry-After` header asks for: either
 * delay-seconds (fractions accepted) or an HTTP date. Undefined when the
 * header is absent or unreadable.
 * @public
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(at - now, 0);
}
