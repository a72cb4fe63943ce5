import { MetricValue } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { EntityEvents, evidenceId } from './EntityEvents';
import { evidenceOf, metricValue, notApplicable, share } from './metricValue';
import { IncidentRecord } from '../database/MetricsWindowReader';
import { DAY_MS, HOUR_MS } from '../durations';
import { median } from '../sampleStatistics';

type IncidentMetricId =
  | 'mttr'
  | 'incidents_high_urgency'
  | 'incidents_low_urgency'
  | 'time_to_acknowledge'
  | 'incident_postmortem_share'
  | 'incident_owner_routing_share'
  | 'incident_change_link_share';

/** Days after resolution (after the trigger while open) to write notes. */
const POSTMORTEM_DAYS = 14;

const incidentId = (i: IncidentRecord) => evidenceId('incident', i.id);
const incidentIds = (incidents: IncidentRecord[]) =>
  evidenceOf(incidents, incidentId);

const medianHours = (values: number[]) => median(values.map(v => v / HOUR_MS));

/**
 * Incident metrics of one entity; all not applicable without an incident
 * source. Counts, acknowledgement, postmortems, routing and links are over
 * the incidents triggered in the window; time to restore over those resolved
 * in it.
 */
export function incidentMetrics(
  events: EntityEvents,
): Record<IncidentMetricId, MetricValue> {
  if (!events.hasIncidentSource) {
    return {
      mttr: notApplicable('mttr'),
      incidents_high_urgency: notApplicable('incidents_high_urgency'),
      incidents_low_urgency: notApplicable('incidents_low_urgency'),
      time_to_acknowledge: notApplicable('time_to_acknowledge'),
      incident_postmortem_share: notApplicable('incident_postmortem_share'),
      incident_owner_routing_share: notApplicable(
        'incident_owner_routing_share',
      ),
      incident_change_link_share: notApplicable('incident_change_link_share'),
    };
  }
  const { from, to } = events;
  const newestFirst = [...events.incidents].sort(
    (a, b) => b.triggeredAt - a.triggeredAt || b.id - a.id,
  );
  const triggered = newestFirst.filter(
    i => i.triggeredAt >= from && i.triggeredAt < to,
  );
  const resolved = newestFirst.filter(
    i =>
      i.resolvedAt !== undefined && i.resolvedAt >= from && i.resolvedAt < to,
  );
  const acknowledged = triggered.filter(i => i.acknowledgedAt !== undefined);
  const high = triggered.filter(i => i.urgency === 'high');
  const low = triggered.filter(i => i.urgency === 'low');

  // A high-urgency incident counts once its postmortem is written in time,
  // or once the deadline has passed before the window's end without one.
  const deadline = (i: IncidentRecord) =>
    (i.resolvedAt ?? i.triggeredAt) + POSTMORTEM_DAYS * DAY_MS;
  const writtenInTime = (i: IncidentRecord) =>
    i.postmortemAt !== undefined &&
    i.postmortemAt <= deadline(i) &&
    i.postmortemAt < to;
  const due = high.filter(i => writtenInTime(i) || deadline(i) < to);

  const linked = new Set(
    events.incidentLinks
      .filter(link => link.method !== 'none')
      .map(link => link.incidentId),
  );
  const owner = events.entity.owner?.toLowerCase();

  return {
    mttr: metricValue('mttr', {
      sampleSize: resolved.length,
      value: medianHours(resolved.map(i => i.resolvedAt! - i.triggeredAt)),
      evidence: incidentIds(resolved),
    }),
    incidents_high_urgency: metricValue('incidents_high_urgency', {
      sampleSize: high.length,
      value: high.length,
      evidence: incidentIds(high),
    }),
    incidents_low_urgency: metricValue('incidents_low_urgency', {
      sampleSize: low.length,
      value: low.length,
      evidence: incidentIds(low),
    }),
    time_to_acknowledge: metricValue('time_to_acknowledge', {
      sampleSize: acknowledged.length,
      value: medianHours(
        acknowledged.map(i => i.acknowledgedAt! - i.triggeredAt),
      ),
      evidence: incidentIds(acknowledged),
    }),
    incident_postmortem_share: metricValue(
      'incident_postmortem_share',
      share(due, due.filter(writtenInTime), incidentId),
    ),
    incident_owner_routing_share: owner
      ? metricValue(
          'incident_owner_routing_share',
          share(
            triggered,
            triggered.filter(i => i.responderTeam?.toLowerCase() === owner),
            incidentId,
          ),
        )
      : notApplicable('incident_owner_routing_share'),
    incident_change_link_share: metricValue(
      'incident_change_link_share',
      share(
        triggered,
        triggered.filter(i => linked.has(i.id)),
        incidentId,
      ),
    ),
  };
}
