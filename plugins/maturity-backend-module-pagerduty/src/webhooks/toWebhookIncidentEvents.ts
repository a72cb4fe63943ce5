import { PagerDutyWebhookPayload } from '../api/types';
import { ServiceEntityMap } from '../catalog/readServiceEntityMap';
import {
  IncidentContext,
  PagerDutyIncidentEvent,
  toIncidentEvents,
} from '../sync/toIncidentEvents';

/** The incident webhook a delivery carries, if it is one this module reads. */
export function readIncidentWebhook(
  payload: unknown,
): PagerDutyWebhookPayload['event'] | undefined {
  const event = (payload as Partial<PagerDutyWebhookPayload> | undefined)
    ?.event;
  if (
    !event ||
    typeof event !== 'object' ||
    event.resource_type !== 'incident' ||
    typeof event.event_type !== 'string' ||
    !event.event_type.startsWith('incident.') ||
    typeof event.occurred_at !== 'string' ||
    !event.data ||
    typeof event.data.id !== 'string' ||
    typeof event.data.status !== 'string' ||
    typeof event.data.created_at !== 'string' ||
    typeof event.data.service?.id !== 'string'
  ) {
    return undefined;
  }
  return event;
}

/**
 * Maps a Webhooks v3 incident event to incident events for the entities of
 * its service. The delivery's time is the record's version, so an older
 * delivery arriving late changes nothing. A delivery's incident carries no
 * acknowledgements: `context` gives the first one from the incident's log,
 * else an `incident.acknowledged` delivery's own time stands for it.
 */
export function toWebhookIncidentEvents(
  event: PagerDutyWebhookPayload['event'],
  services: ServiceEntityMap,
  context: Pick<IncidentContext, 'changeEvents' | 'acknowledgedAt'> = {},
): PagerDutyIncidentEvent[] {
  const data = event.data;
  const entityRefs = services.get(data.service!.id) ?? [];
  const occurredAt = event.occurred_at;
  const resolvedAt =
    data.status === 'resolved'
      ? data.resolved_at ??
        (event.event_type === 'incident.resolved' ? occurredAt : undefined) ??
        data.last_status_change_at ??
        occurredAt
      : undefined;
  return toIncidentEvents(
    {
      id: data.id,
      title: data.title,
      status: data.status!,
      urgency: data.urgency,
      priority: data.priority,
      created_at: data.created_at!,
      resolved_at: resolvedAt,
      html_url: data.html_url,
      service: data.service!,
      teams: data.teams,
    },
    entityRefs,
    {
      changeEvents: context.changeEvents,
      acknowledgedAt:
        context.acknowledgedAt ??
        (event.event_type === 'incident.acknowledged' ? occurredAt : undefined),
      updatedAt: occurredAt,
    },
  );
}
