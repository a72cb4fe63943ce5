import { MAX_INCIDENT_SPAN_DAYS } from '../api/PagerDutyClient';

const SPAN_MS = MAX_INCIDENT_SPAN_DAYS * 24 * 60 * 60 * 1000;

/**
 * Cuts [since, until) into consecutive spans that `GET /incidents` accepts
 * (at most {@link MAX_INCIDENT_SPAN_DAYS} each), oldest first, so that a
 * cursor left far behind (a long outage) is caught up span by span instead
 * of failing every run. Empty when until is not after since.
 */
export function splitIncidentWindow(
  since: string,
  until: string,
): Array<{ since: string; until: string }> {
  const end = Date.parse(until);
  const spans: Array<{ since: string; until: string }> = [];
  let start = since;
  while (Date.parse(start) < end) {
    const next = Date.parse(start) + SPAN_MS;
    const spanEnd = next >= end ? until : new Date(next).toISOString();
    spans.push({ since: start, until: spanEnd });
    start = spanEnd;
  }
  return spans;
}
