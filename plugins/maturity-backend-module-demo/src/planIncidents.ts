import { IncidentUrgency } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { PlannedIncident } from './DemoDayPlan';
import { DemoPlanningContext, demoIdPrefix } from './demoPlanningContext';
import { incidentTitle } from './demoVocabulary';
import { SeededRandom } from './seededRandom';
import { DAY_MS, HOUR_MS, MINUTE_MS, startOfUtcDay } from './utcDays';

const DAYS_PER_MONTH = 30.44;
/** Central team that takes incidents not routed to the owner. */
const CENTRAL_RESPONDER = 'group:default/sre';

/**
 * An incident with its acknowledgement, postmortem habit and responder drawn
 * from the team's profile.
 *
 * @internal
 */
export function planIncident(
  context: DemoPlanningContext,
  random: SeededRandom,
  fields: {
    externalId: string;
    title: string;
    urgency: IncidentUrgency;
    triggeredAtMs: number;
    resolvedAtMs: number;
  },
): PlannedIncident {
  const { profile } = context;
  const high = fields.urgency === 'high';
  const ackMs = high
    ? random.between(1, 15) * MINUTE_MS
    : random.skewed([10, 240]) * MINUTE_MS;
  const writesPostmortem = random.chance(
    high ? profile.postmortemShare : profile.postmortemShare * 0.3,
  );
  return {
    ...fields,
    priority: high ? random.pick(['P1', 'P2']) : random.pick(['P3', 'P4']),
    acknowledgedAtMs: Math.min(
      fields.triggeredAtMs + ackMs,
      fields.resolvedAtMs - MINUTE_MS,
    ),
    postmortemAtMs: writesPostmortem
      ? fields.resolvedAtMs +
        random.skewed(profile.postmortemDelayDays) * DAY_MS
      : undefined,
    responderTeam: random.chance(profile.ownerRespondsShare)
      ? context.ownerRef
      : CENTRAL_RESPONDER,
  };
}

/**
 * Incidents of a day that no deploy causes: a few a month, at any hour.
 *
 * @internal
 */
export function planUnrelatedIncidents(
  context: DemoPlanningContext,
  day: number,
  random: SeededRandom,
): PlannedIncident[] {
  const { profile } = context;
  const count = random.poisson(
    profile.unrelatedIncidentsPerMonth / DAYS_PER_MONTH,
  );
  const incidents: PlannedIncident[] = [];
  for (let i = 0; i < count; i++) {
    const urgency: IncidentUrgency = random.chance(profile.highUrgencyShare)
      ? 'high'
      : 'low';
    const triggeredAtMs = startOfUtcDay(day) + random.next() * DAY_MS;
    const durationHours = random.skewed(
      urgency === 'high'
        ? profile.recoveryHours
        : profile.lowUrgencyResolutionHours,
    );
    incidents.push(
      planIncident(context, random, {
        externalId: `${demoIdPrefix(context, 'incident', day)}:${i}`,
        title: incidentTitle(random, context.slug),
        urgency,
        triggeredAtMs,
        resolvedAtMs: triggeredAtMs + durationHours * HOUR_MS,
      }),
    );
  }
  return incidents;
}
