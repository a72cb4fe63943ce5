import { LoggerService } from '@backstage/backend-plugin-api';
import {
  MaturityEventSink,
  mapWithConcurrency,
} from '@maturity-for-backstage/backstage-plugin-maturity-node';
import { INCIDENT_PAGE_LIMIT, PagerDutyClient } from '../api/PagerDutyClient';
import { PagerDutyIncident } from '../api/types';
import { ServiceEntityMap } from '../catalog/readServiceEntityMap';
import { readIncidentContext } from './readIncidentContext';
import { readIncidentPages } from './readIncidentPages';
import { parseServiceCursor, serializeServiceCursor } from './ServiceCursor';
import { splitIncidentWindow } from './splitIncidentWindow';
import { toIncidentEvents } from './toIncidentEvents';

/**
 * Incidents whose change events and log are read at once: each reads one
 * or two, one after the other, so this bounds the requests in flight.
 */
const INCIDENT_CONTEXT_CONCURRENCY = 4;
/** The cursor stays this far behind a run's end so late writes are re-read. */
export const CURSOR_OVERLAP_MS = 10 * 60 * 1000;

/** Outcome of one service's sync. */
export interface ServiceSyncResult {
  serviceId: string;
  incidents: number;
  created: number;
  updated: number;
  unchanged: number;
  /** The cursor stored at the end (JSON); absent when the sync failed. */
  cursor?: string;
  error?: Error;
}

/**
 * One pull of every mapped service's incidents. Per service:
 *
 * 1. incidents created since its cursor (or the lookback) until now, in
 *    spans PagerDuty accepts;
 * 2. incidents open now, whenever created (`statuses[]`), so that one left
 *    open for months neither holds the cursor back nor goes stale;
 * 3. incidents open at the last run that neither read returned: they
 *    resolved in between, and are read one by one to record it.
 *
 * Each page, with its related change events and, for incidents that no
 * longer list their acknowledgements, the first acknowledgement from the
 * log, is written before the next is read. The cursor moves only after all
 * of it is written, to the run's end minus an overlap, with the incidents
 * still open and the entities it was reached for. An entity mapped since
 * the cursor was stored gets the service's history: the creation window
 * starts again at the lookback. A failing service keeps its cursor and
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
  logger: LoggerService;
  initialLookbackDays: number;
  now: Date;
}): Promise<ServiceSyncResult> {
  const { client, sink, serviceId, entityRefs, now } = options;
  const stored = parseServiceCursor(await sink.getCursor(serviceId));
  const lookbackStart = new Date(
    now.getTime() - options.initialLookbackDays * 24 * 60 * 60 * 1000,
  ).toISOString();

  // An entity mapped since the cursor was stored has none of the service's
  // history: its incidents are read again from the lookback (or the stored
  // position, if older). What an incremental run would not have written
  // (resolved incidents created before the stored position, not open at
  // the last run) is written for the new entities alone, so the others'
  // records stay as they were. A cursor naming no entities (stored before
  // they were) counts as built for those mapped now (see the README).
  const covered = stored?.entityRefs && new Set(stored.entityRefs);
  const added = covered ? entityRefs.filter(ref => !covered.has(ref)) : [];
  const reread = added.length > 0;
  let since = stored?.since ?? lookbackStart;
  if (reread) {
    if (Date.parse(lookbackStart) < Date.parse(since)) since = lookbackStart;
    options.logger.info(
      `PagerDuty service ${serviceId}: ${added.join(
        ', ',
      )} newly mapped; reading again from ${since}`,
    );
  }
  const position = stored ? Date.parse(stored.since) : -Infinity;
  const wasOpen = new Set(stored?.open);
  /** The entities an incident is written for (see `reread`). */
  const entitiesOf = (incident: PagerDutyIncident) =>
    reread &&
    incident.status === 'resolved' &&
    !wasOpen.has(incident.id) &&
    Date.parse(incident.created_at) < position
      ? added
      : entityRefs;

  const result: ServiceSyncResult = {
    serviceId,
    incidents: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
  };
  const seen = new Set<string>();
  const open = new Set<string>();
  const write = async (incidents: PagerDutyIncident[]) => {
    const fresh = incidents.filter(incident => !seen.has(incident.id));
    for (const incident of fresh) {
      seen.add(incident.id);
      if (incident.status !== 'resolved') open.add(incident.id);
    }
    if (fresh.length === 0) return;
    const contexts = await mapWithConcurrency(
      fresh,
      INCIDENT_CONTEXT_CONCURRENCY,
      incident => readIncidentContext(client, incident),
    );
    const written = await sink.write(
      fresh.flatMap((incident, i) =>
        toIncidentEvents(incident, entitiesOf(incident), contexts[i]),
      ),
    );
    result.incidents += fresh.length;
    result.created += written.created;
    result.updated += written.updated;
    result.unchanged += written.unchanged;
  };

  for (const span of splitIncidentWindow(since, now.toISOString())) {
    await readIncidentPages(client, serviceId, span, write);
  }
  await readIncidentPages(
    client,
    serviceId,
    { statuses: ['triggered', 'acknowledged'] },
    write,
  );
  const endedSince = (stored?.open ?? []).filter(id => !seen.has(id));
  for (let i = 0; i < endedSince.length; i += INCIDENT_PAGE_LIMIT) {
    const incidents = await mapWithConcurrency(
      endedSince.slice(i, i + INCIDENT_PAGE_LIMIT),
      INCIDENT_CONTEXT_CONCURRENCY,
      id => client.getIncident(id),
    );
    // Gone, or moved to another service: no longer this service's to follow.
    await write(
      incidents.filter(
        (incident): incident is PagerDutyIncident =>
          incident?.service.id === serviceId,
      ),
    );
  }

  const cursor = {
    since: new Date(
      Math.max(Date.parse(since), now.getTime() - CURSOR_OVERLAP_MS),
    ).toISOString(),
    open: [...open].sort(),
    entityRefs: [...entityRefs].sort(),
  };
  result.cursor = serializeServiceCursor(cursor);
  await sink.setCursor(serviceId, result.cursor);
  return result;
}
