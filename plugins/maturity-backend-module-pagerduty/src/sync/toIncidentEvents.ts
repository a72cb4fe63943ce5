import { IncidentEvent } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { entityExternalId } from '@maturity-for-backstage/backstage-plugin-maturity-node';
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

/**
 * The external id of an incident's event for one entity: the incident id,
 * a colon (PagerDuty ids have none), and the entity ref, hashed past 255
 * characters; see {@link entityExternalId}.
 */
export function incidentExternalId(
  incidentId: string,
  entityRef: string,
): string {
  return entityExternalId(incidentId, entityRef, ':');
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
