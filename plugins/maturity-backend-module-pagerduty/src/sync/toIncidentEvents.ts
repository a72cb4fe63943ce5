import { createHash } from 'crypto';
import { IncidentEvent } from '@internal/plugin-maturity-common';
import { PagerDutyChangeEvent, PagerDutyIncident } from '../api/types';
import { changeEventCommitShas } from './changeEventCommitShas';

/** An incident event before the sink stamps its source. */
export type PagerDutyIncidentEvent = Omit<IncidentEvent, 'source'>;

/** What is known about an incident beyond the REST API's incident object. */
export interface IncidentContext {
  /**
   * Change events PagerDuty correlated with it: explicit deploy links, by
   * change event id and by the commits they name.
   */
  changeEvents?: PagerDutyChangeEvent[];
  /** When it was acknowledged, where the incident object no longer says. */
  acknowledgedAt?: string;
  /** The version of the record; defaults to the latest time it carries. */
  updatedAt?: string;
}

const STATUSES = new Set(['triggered', 'acknowledged', 'resolved']);

/** The longest external id the store keeps (`ExternalId` of the ingest API). */
const MAX_EXTERNAL_ID_LENGTH = 255;

/**
 * The external id of an incident's event for one entity: the incident id,
 * a colon, and the entity ref (PagerDuty ids have no colon). It depends on
 * nothing but the incident and the entity, never on how many entities
 * share the service, so a re-read, a webhook delivery or a second entity
 * annotated with the service writes over the same record. An id that would
 * pass the store's 255 characters (a very long entity ref) carries a
 * SHA-256 of the entity ref (40 hex digits) instead.
 */
export function incidentExternalId(
  incidentId: string,
  entityRef: string,
): string {
  const full = `${incidentId}:${entityRef}`;
  if (full.length <= MAX_EXTERNAL_ID_LENGTH) return full;
  const digest = createHash('sha256').update(entityRef).digest('hex');
  return `${incidentId}:${digest.slice(0, 40)}`;
}

/**
 * Maps a PagerDuty incident to one incident event per catalog entity its
 * service maps to, each with its own external id (see
 * {@link incidentExternalId}): external ids are unique per source.
 */
export function toIncidentEvents(
  incident: PagerDutyIncident,
  entityRefs: string[],
  context: IncidentContext = {},
): PagerDutyIncidentEvent[] {
  if (!STATUSES.has(incident.status) || entityRefs.length === 0) return [];
  const status = incident.status as IncidentEvent['status'];

  const acknowledgedAt =
    earliest((incident.acknowledgements ?? []).map(a => a.at)) ??
    context.acknowledgedAt;
  const resolvedAt =
    status === 'resolved'
      ? incident.resolved_at ??
        incident.last_status_change_at ??
        incident.updated_at ??
        incident.created_at
      : undefined;
  const linkedDeploymentIds = [
    ...new Set((context.changeEvents ?? []).map(e => e.id)),
  ];
  const linkedCommitShas = changeEventCommitShas(context.changeEvents ?? []);
  const updatedAt =
    context.updatedAt ??
    latest([
      incident.created_at,
      incident.updated_at,
      incident.last_status_change_at,
      incident.resolved_at ?? undefined,
    ]);

  const base: PagerDutyIncidentEvent = {
    type: 'incident',
    externalId: incident.id,
    entityRef: '',
    status,
    urgency: incident.urgency === 'low' ? 'low' : 'high',
    triggeredAt: incident.created_at,
    ...(incident.title ?? incident.summary
      ? { title: incident.title ?? incident.summary }
      : {}),
    ...(incident.priority?.summary
      ? { priority: incident.priority.summary }
      : {}),
    ...(acknowledgedAt && status !== 'triggered' ? { acknowledgedAt } : {}),
    ...(resolvedAt ? { resolvedAt } : {}),
    ...(linkedDeploymentIds.length ? { linkedDeploymentIds } : {}),
    ...(linkedCommitShas.length ? { linkedCommitShas } : {}),
    ...(updatedAt ? { updatedAt } : {}),
    ...(incident.html_url ? { url: incident.html_url } : {}),
  };

  return entityRefs.map(entityRef => ({
    ...base,
    entityRef,
    externalId: incidentExternalId(incident.id, entityRef),
  }));
}

function times(values: Array<string | undefined>): number[] {
  return values
    .filter((v): v is string => typeof v === 'string')
    .map(v => Date.parse(v))
    .filter(t => !Number.isNaN(t));
}

function earliest(values: Array<string | undefined>): string | undefined {
  const all = times(values);
  return all.length ? new Date(Math.min(...all)).toISOString() : undefined;
}

function latest(values: Array<string | undefined>): string | undefined {
  const all = times(values);
  return all.length ? new Date(Math.max(...all)).toISOString() : undefined;
}
