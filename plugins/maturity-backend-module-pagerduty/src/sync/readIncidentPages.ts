import {
  INCIDENT_PAGE_LIMIT,
  IncidentSelection,
  PagerDutyClient,
} from '../api/PagerDutyClient';
import { PagerDutyIncident } from '../api/types';

/** PagerDuty refuses offset + limit above this on classic pagination. */
const MAX_OFFSET_WINDOW = 10_000;

/**
 * Reads a service's incidents page by page, handing each page on (to be
 * written) before the next is read. Offset pagination ends at 10,000: a
 * creation window then continues from the newest incident read (pages are
 * sorted by creation), re-reading its second, so `onPage` may see an
 * incident twice; a status selection that large fails.
 */
export async function readIncidentPages(
  client: PagerDutyClient,
  serviceId: string,
  selection: IncidentSelection,
  onPage: (incidents: PagerDutyIncident[]) => Promise<void>,
): Promise<void> {
  let current = selection;
  let offset = 0;
  for (;;) {
    const page = await client.listIncidents({
      ...current,
      serviceId,
      offset,
    });
    await onPage(page.incidents);
    if (!page.more || page.incidents.length === 0) return;
    offset += page.incidents.length;
    if (offset + INCIDENT_PAGE_LIMIT > MAX_OFFSET_WINDOW) {
      if (!('since' in current)) {
        throw new Error(
          `more than ${MAX_OFFSET_WINDOW} incidents are ${current.statuses.join(
            ' or ',
          )}`,
        );
      }
      const last = page.incidents[page.incidents.length - 1].created_at;
      if (Date.parse(last) <= Date.parse(current.since)) {
        throw new Error(
          `more than ${MAX_OFFSET_WINDOW} incidents created at ${last}`,
        );
      }
      current = { since: last, until: current.until };
      offset = 0;
    }
  }
}
