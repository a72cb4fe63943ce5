import { parseEntityRef } from '@backstage/catalog-model';
import { MaturityEvent } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { EventBatchInput } from './validateEventBatch';
import { throwBatchProblems } from './throwBatchProblems';
import { parseCalendarTimeMillis } from '../calendarTime';
import { canonicalEntityRef } from '@maturity-for-backstage/backstage-plugin-maturity-node';

const millis = (value?: string) =>
  value === undefined ? undefined : parseCalendarTimeMillis(value);

/** Checks the times with the plugin's one calendar-time parser and writes them in one spelling (UTC, milliseconds). */
function normalizeTimes(
  event: Record<string, unknown>,
  fields: string[],
  problems: (field: string, message: string) => void,
) {
  for (const field of fields) {
    const value = event[field];
    if (value === undefined) continue;
    const time = millis(String(value));
    if (time === undefined) {
      problems(field, `"${String(value).slice(0, 64)}" is not a valid time`);
    } else {
      event[field] = new Date(time).toISOString();
    }
  }
}

function checkOrder(
  event: Record<string, unknown>,
  earlier: string,
  later: string,
  problems: (field: string, message: string) => void,
) {
  const a = millis(event[earlier] as string | undefined);
  const b = millis(event[later] as string | undefined);
  if (a !== undefined && b !== undefined && b < a) {
    problems(later, `must not be before ${earlier}`);
  }
}

function normalizeEntityRef(
  value: string,
  field: string,
  problems: (field: string, message: string) => void,
): string | undefined {
  try {
    // Catalog refs compare case-insensitively; store one spelling.
    return canonicalEntityRef(parseEntityRef(value));
  } catch (error) {
    problems(
      field,
      `"${value}" is not an entity reference: ${(error as Error).message}`,
    );
    return undefined;
  }
}

/**
 * Applies the rules a schema cannot express to a structurally valid batch:
 * the batch default source, entity refs in one canonical spelling, times that
 * exist on the calendar and come in order, and the fields a state implies.
 * Throws an InputError naming every offending `events[i].field`; returns the
 * events ready for the store otherwise.
 */
export function normalizeEventBatch(batch: EventBatchInput): MaturityEvent[] {
  const found: string[] = [];
  const events = batch.events.map((input, index) => {
    const event: Record<string, unknown> = { ...input };
    const problems = (field: string, message: string) =>
      found.push(`events[${index}].${field} ${message}`);

    if (event.source === undefined) {
      if (batch.source === undefined) {
        problems('source', 'is required when the batch has no source');
      }
      event.source = batch.source;
    }
    event.entityRef = normalizeEntityRef(
      String(event.entityRef),
      'entityRef',
      problems,
    );
    if (typeof event.responderTeam === 'string') {
      event.responderTeam = normalizeEntityRef(
        event.responderTeam,
        'responderTeam',
        problems,
      );
    }
    normalizeTimes(
      event,
      Object.keys(event).filter(key => key.endsWith('At')),
      problems,
    );

    switch (event.type) {
      case 'build':
        checkOrder(event, 'startedAt', 'finishedAt', problems);
        break;
      case 'deployment':
        checkOrder(event, 'startedAt', 'finishedAt', problems);
        if (Array.isArray(event.fixesIncidents)) {
          // One entry per incident, whatever the tool repeated.
          event.fixesIncidents = [...new Set(event.fixesIncidents)];
        }
        break;
      case 'change':
        if (event.kind === 'pull_request' && event.openedAt === undefined) {
          problems('openedAt', 'is required for a pull request');
        }
        if (
          event.kind === 'commit' &&
          event.authoredAt === undefined &&
          event.mergedAt === undefined
        ) {
          problems('authoredAt', 'is required for a commit (or mergedAt)');
        }
        if (event.state === 'merged' && event.mergedAt === undefined) {
          problems('mergedAt', 'is required when state is merged');
        }
        checkOrder(event, 'openedAt', 'mergedAt', problems);
        checkOrder(event, 'openedAt', 'firstReviewAt', problems);
        break;
      case 'incident':
        if (event.status === 'resolved' && event.resolvedAt === undefined) {
          problems('resolvedAt', 'is required when status is resolved');
        }
        if (event.status !== 'resolved' && event.resolvedAt !== undefined) {
          problems('status', 'must be resolved when resolvedAt is set');
        }
        checkOrder(event, 'triggeredAt', 'acknowledgedAt', problems);
        checkOrder(event, 'triggeredAt', 'resolvedAt', problems);
        break;
      default:
        break;
    }
    return event as unknown as MaturityEvent;
  });

  throwBatchProblems(found);
  return events;
}
