import { LoggerService } from '@backstage/backend-plugin-api';
import {
  MaturityEventSink,
  mapWithConcurrency,
} from '@internal/plugin-maturity-node';
import { INCIDENT_PAGE_LIMIT, PagerDutyClient } from '../api/PagerDutyClient';
import { ServiceEntityMap } from '../catalog/readServiceEntityMap';
import { toIncidentEvents } from './toIncidentEvents';

/** Related change event look-ups in flight at once. */
const CHANGE_EVENT_CONCURRENCY = 4;
/** The cursor stays this far behind a run's end so late writes are re-read. */
export const CURSOR_OVERLAP_MS = 10 * 60 * 1000;
/** PagerDuty refuses offset + limit above this on classic pagination. */
const MAX_OFFSET_WINDOW = 10_000;

/** Outcome of one service's sync. */
export interface ServiceSyncResult {
  serviceId: string;
  incidents: number;
  created: number;
  updated: number;
  unchanged: number;
  /** The cursor stored at the end; absent when the sync failed. */
  cursor?: string;
  error?: Error;
}

/**
 * One pull of every mapped service's incidents. Per service: incidents
 * created since its cursor (or the lookback) until now, page by page, each
 * page with its related change events written before the next is read. The
 * cursor moves only after every page is written: to the run's end minus an
 * overlap, or back to the oldest incident still open, so that open incidents
 * are re-read until they resolve. A failing service keeps its cursor and
 * does not stop the others.
 */
export async function syncPagerDutyIncidents(options: {
  client: PagerDutyClient;
  sink: MaturityEventSink;
  services: ServiceEntityMap;
  logger: LoggerService;
  initialLookbackDays: number;
  now?: Date;
}): Promise<ServiceSyncResult[]> {
  const now = options.now ?? new Date();
  const results: ServiceSyncResult[] = [];
  for (const [serviceId, entityRefs] of options.services) {
    try {
      const result = await syncService({
        ...options,
        now,
        serviceId,
        entityRefs,
      });
      results.push(result);
      options.logger.info(
        `PagerDuty service ${serviceId}: ${result.incidents} incidents read, ` +
          `${result.created} new, ${result.updated} updated`,
      );
    } catch (e) {
      const error = e instanceof Error ? e : new Error(String(e));
      results.push({
        serviceId,
        incidents: 0,
        created: 0,
        updated: 0,
        unchanged: 0,
        error,
      });
      options.logger.error(
        `PagerDuty sync of service ${serviceId} failed; it resumes from its last position next run: ${error.message}`,
      );
    }
  }
  return results;
}

async function syncService(options: {
  client: PagerDutyClient;
  sink: MaturityEventSink;
  serviceId: string;
  entityRefs: string[];
  initialLookbackDays: number;
  now: Date;
}): Promise<ServiceSyncResult> {
  const { client, sink, serviceId, entityRefs, now } = options;
  const stored = await sink.getCursor(serviceId);
  const lookbackStart = new Date(
    now.getTime() - options.initialLookbackDays * 24 * 60 * 60 * 1000,
  ).toISOString();
  const since =
    stored && !Number.isNaN(Date.parse(stored)) ? stored : lookbackStart;
  const until = now.toISOString();

  const result: ServiceSyncResult = {
    serviceId,
    incidents: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
  };
  let oldestOpen: number | undefined;
  let windowStart = since;
  let offset = 0;
  for (;;) {
    const page = await client.listIncidents({
      serviceId,
      since: windowStart,
      until,
      offset,
    });
    const changeEvents = await mapWithConcurrency(
      page.incidents,
      CHANGE_EVENT_CONCURRENCY,
      incident => client.listRelatedChangeEvents(incident.id),
    );
    const events = page.incidents.flatMap((incident, i) =>
      toIncidentEvents(incident, entityRefs, { changeEvents: changeEvents[i] }),
    );
    const written = await sink.write(events);
    result.incidents += page.incidents.length;
    result.created += written.created;
    result.updated += written.updated;
    result.unchanged += written.unchanged;
    for (const incident of page.incidents) {
      if (incident.status !== 'resolved') {
        const created = Date.parse(incident.created_at);
        if (oldestOpen === undefined || created < oldestOpen) {
          oldestOpen = created;
        }
      }
    }

    if (!page.more || page.incidents.length === 0) break;
    offset += page.incidents.length;
    if (offset + INCIDENT_PAGE_LIMIT > MAX_OFFSET_WINDOW) {
      // Offset pagination ends at 10,000: continue from the newest incident
      // read (results are sorted by creation), re-reading its second.
      const last = page.incidents[page.incidents.length - 1].created_at;
      if (Date.parse(last) <= Date.parse(windowStart)) {
        throw new Error(
          `more than ${MAX_OFFSET_WINDOW} incidents created at ${last}`,
        );
      }
      windowStart = last;
      offset = 0;
    }
  }

  let next = Math.max(Date.parse(since), now.getTime() - CURSOR_OVERLAP_MS);
  if (oldestOpen !== undefined && oldestOpen < next) {
    next = Math.max(oldestOpen, Date.parse(since));
  }
  result.cursor = new Date(next).toISOString();
  await sink.setCursor(serviceId, result.cursor);
  return result;
}
