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
  /**
   * The entities the position was reached for, sorted. An entity mapped to
   * the service since has none of its history: the next run reads again
   * from the initial lookback for it. Absent in cursors of earlier
   * versions, which count as built for the entities mapped now.
   */
  entityRefs?: string[];
}

const isTime = (value: unknown): value is string =>
  typeof value === 'string' && !Number.isNaN(Date.parse(value));

const isString = (value: unknown): value is string => typeof value === 'string';

/**
 * Parses a stored cursor; undefined for none or an unreadable one. A bare
 * time is the cursor of earlier versions of this module, which held it at
 * the oldest open incident: everything since is read again, so no list of
 * open incidents is needed. A cursor without a readable list of entity
 * refs names none (see {@link ServiceCursor.entityRefs}).
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
    const entityRefs =
      Array.isArray(parsed.entityRefs) && parsed.entityRefs.every(isString)
        ? (parsed.entityRefs as string[])
        : undefined;
    return {
      since: parsed.since,
      open: open.filter(isString),
      ...(entityRefs ? { entityRefs } : {}),
    };
  } catch {
    return undefined;
  }
}

/** The stored form of a cursor. */
export function serializeServiceCursor(cursor: ServiceCursor): string {
  return JSON.stringify({
    since: cursor.since,
    open: cursor.open,
    ...(cursor.entityRefs ? { entityRefs: cursor.entityRefs } : {}),
  });
}
