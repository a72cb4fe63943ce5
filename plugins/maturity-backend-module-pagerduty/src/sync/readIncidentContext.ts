import { PagerDutyClient } from '../api/PagerDutyClient';
import { PagerDutyIncident } from '../api/types';
import { firstAcknowledgedAt } from './firstAcknowledgedAt';
import { IncidentContext } from './toIncidentEvents';

/**
 * Whether an incident object no longer says when it was acknowledged:
 * PagerDuty empties `acknowledgements` once an incident resolves, and a
 * webhook's incident has none at all. Its log still says.
 */
export function lacksAcknowledgement(
  incident: Pick<PagerDutyIncident, 'status' | 'acknowledgements'>,
): boolean {
  return (
    incident.status !== 'triggered' &&
    (incident.acknowledgements ?? []).length === 0
  );
}

/**
 * What an incident's record needs beyond the incident object: its related
 * change events (explicit deploy links) and, where the object lacks it, its
 * first acknowledgement from the log, so that a resolved copy does not
 * write over the acknowledgement time the store holds. The requests are
 * made one after the other: callers bound the incidents read at once.
 */
export async function readIncidentContext(
  client: PagerDutyClient,
  incident: Pick<PagerDutyIncident, 'id' | 'status' | 'acknowledgements'>,
): Promise<IncidentContext> {
  const changeEvents = await client.listRelatedChangeEvents(incident.id);
  if (!lacksAcknowledgement(incident)) return { changeEvents };
  const acknowledgedAt = firstAcknowledgedAt(
    await client.listIncidentLogEntries(incident.id),
  );
  return { changeEvents, ...(acknowledgedAt ? { acknowledgedAt } : {}) };
}
