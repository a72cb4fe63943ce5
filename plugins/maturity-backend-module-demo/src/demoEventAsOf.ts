import {
  IncidentEvent,
  MaturityEvent,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { isoTime } from './utcDays';

/** The time fields of each event type, in the order they happen. */
const TIME_FIELDS: Record<MaturityEvent['type'], readonly string[]> = {
  build: ['startedAt', 'finishedAt'],
  deployment: ['startedAt', 'finishedAt'],
  change: [
    'authoredAt',
    'openedAt',
    'firstReviewAt',
    'approvedAt',
    'mergedAt',
    'closedAt',
  ],
  incident: ['triggeredAt', 'acknowledgedAt', 'resolvedAt', 'postmortemAt'],
  repo_fact: ['observedAt'],
};

/**
 * When an event stops changing: its latest time. A demo event is reported by
 * every run whose window contains this moment's day, and, for an incident
 * still open or awaiting its postmortem, by every run until then.
 *
 * @internal
 */
export function demoEventSettledAt(event: MaturityEvent): number {
  const record = event as unknown as Record<string, unknown>;
  let latest = -Infinity;
  for (const field of TIME_FIELDS[event.type]) {
    const value = record[field];
    if (typeof value === 'string') {
      latest = Math.max(latest, Date.parse(value));
    }
  }
  return latest;
}

/**
 * An incident as its tool would show it at a time: not yet acknowledged,
 * resolved or written up if those moments are still ahead.
 */
function incidentAsOf(
  incident: IncidentEvent,
  nowMs: number,
): IncidentEvent | undefined {
  if (Date.parse(incident.triggeredAt) > nowMs) {
    return undefined;
  }
  const seen = { ...incident };
  const isPast = (time?: string) =>
    time !== undefined && Date.parse(time) <= nowMs;
  if (!isPast(seen.postmortemAt)) delete seen.postmortemAt;
  if (!isPast(seen.resolvedAt)) {
    delete seen.resolvedAt;
    delete seen.postmortemAt;
    seen.status = 'acknowledged';
  }
  if (!isPast(seen.acknowledgedAt)) {
    delete seen.acknowledgedAt;
    if (seen.status !== 'resolved') seen.status = 'triggered';
  }
  // A later run reports the incident again with a newer updatedAt, so the
  // store replaces the open version with the resolved one.
  seen.updatedAt = isoTime(demoEventSettledAt(seen));
  return seen;
}

/**
 * What of a demo event exists at a time. Builds, deployments, changes and
 * repo facts appear once finished, whole and unchanged, so their content never
 * depends on the time of the run; incidents appear when triggered and move
 * through acknowledged and resolved as time passes, as in an incident tool.
 *
 * @internal
 */
export function demoEventAsOf(
  event: MaturityEvent,
  nowMs: number,
): MaturityEvent | undefined {
  if (event.type === 'incident') {
    return incidentAsOf(event, nowMs);
  }
  return demoEventSettledAt(event) <= nowMs ? event : undefined;
}
