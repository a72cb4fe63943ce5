import { PagerDutyLogEntry } from '../api/types';

/**
 * When an incident was first acknowledged, by its log: the earliest
 * `acknowledge_log_entry` (PagerDuty lists the log newest first, and an
 * incident acknowledged, unacknowledged and acknowledged again has
 * several). Undefined when it never was.
 */
export function firstAcknowledgedAt(
  entries: PagerDutyLogEntry[],
): string | undefined {
  const times = entries
    .filter(entry => entry.type === 'acknowledge_log_entry')
    .map(entry => Date.parse(entry.created_at))
    .filter(time => !Number.isNaN(time));
  return times.length ? new Date(Math.min(...times)).toISOString() : undefined;
}
