/**
 * A service's sync position, stored as JSON under the service id.
 */
export interface ServiceCursor {
  /** Incidents created from here on are read by the next run. */
  since: string;
  /**
   * Incidents open when the last run ended. The next run reads again those
   * PagerDuty no longer lists as open, to record how they ended.
   */
  open: string[];
}

const isTime = (value: unknown): value is string =>
  typeof value === 'string' && !Number.isNaN(Date.parse(value));

/**
 * Parses a stored cursor; undefined for none or an unreadable one. A bare
 * time is the cursor of earlier versions of this module, which held it at
 * the oldest open incident: everything since is read again, so no list of
 * open incidents is needed.
 */
export function parseServiceCursor(
  stored: string | undefined,
): ServiceCursor | undefined {
  if (!stored) return undefined;
  if (isTime(stored)) return { since: stored, open: [] };
  try {
    const parsed = JSON.parse(stored);
    if (!isTime(parsed?.since)) return undefined;
    const open: unknown[] = Array.isArray(parsed.open) ? parsed.open : [];
    return {
      since: parsed.since,
      open: open.filter((id): id is string => typeof id === 'string'),
    };
  } catch {
    return undefined;
  }
}

/** The stored form of a cursor. */
export function serializeServiceCursor(cursor: ServiceCursor): string {
  return JSON.stringify({ since: cursor.since, open: cursor.open });
}
