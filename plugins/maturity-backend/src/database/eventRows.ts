import { createHash } from 'node:crypto';
import {
  MaturityEvent,
  MaturityEventType,
  StoredMaturityEvent,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { EventTable, eventTables } from './eventTables';

/** A row as written to an event table. */
export type EventRow = Record<string, string | number | boolean | null>;

const toMillis = (value: unknown) => new Date(String(value)).getTime();

/**
 * Converts a validated event to its table row, with the occurrence time, the
 * version (the source's last change, defaulting to the latest time in the
 * event) and a digest of the content that lets replays be detected.
 */
export function toEventRow(event: MaturityEvent, ingestedAt: number): EventRow {
  const spec = eventTables[event.type];
  const values = event as unknown as Record<string, unknown>;
  const row: EventRow = {};
  let latestTime = -Infinity;
  for (const [field, { column, kind }] of Object.entries(spec.fields)) {
    const value = values[field];
    if (value === undefined || value === null) {
      row[column] = kind === 'json' && field === 'value' ? 'null' : null;
      continue;
    }
    switch (kind) {
      case 'time': {
        const millis = toMillis(value);
        row[column] = millis;
        latestTime = Math.max(latestTime, millis);
        break;
      }
      case 'json':
        row[column] = JSON.stringify(value);
        break;
      default:
        row[column] = value as string | number | boolean;
    }
  }
  const occurredField = spec.occurredAtFields.find(
    f => values[f] !== undefined,
  );
  row.occurred_at = toMillis(values[occurredField!]);
  row.version = event.updatedAt ? toMillis(event.updatedAt) : latestTime;
  // The digest covers the content only, so the same record sent again is
  // recognized whatever its version or ingestion time.
  row.content_hash = createHash('sha256')
    .update(JSON.stringify(Object.values(spec.fields).map(f => row[f.column])))
    .digest('hex');
  row.ingested_at = ingestedAt;
  return row;
}

const fromMillis = (value: unknown) => new Date(Number(value)).toISOString();

/** Converts a stored row back to the event shape of the API. */
export function fromEventRow(
  type: MaturityEventType,
  row: Record<string, unknown>,
): StoredMaturityEvent {
  const spec: EventTable = eventTables[type];
  const event: Record<string, unknown> = { type };
  for (const [field, { column, kind }] of Object.entries(spec.fields)) {
    const value = row[column];
    if (value === null || value === undefined) {
      continue;
    }
    switch (kind) {
      case 'time':
        event[field] = fromMillis(value);
        break;
      case 'json':
        event[field] = JSON.parse(String(value));
        break;
      case 'boolean':
        // SQLite hands booleans back as 0/1.
        event[field] = Boolean(value);
        break;
      case 'integer':
        event[field] = Number(value);
        break;
      default:
        event[field] = value;
    }
  }
  if (type === 'repo_fact' && !('value' in event)) {
    event.value = null;
  }
  return {
    ...(event as unknown as MaturityEvent),
    id: `${type}:${row.id}`,
    occurredAt: fromMillis(row.occurred_at),
    ingestedAt: fromMillis(row.ingested_at),
    updatedAt: fromMillis(row.version),
  };
}
