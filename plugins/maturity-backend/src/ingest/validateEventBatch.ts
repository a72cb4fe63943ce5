import { MATURITY_EVENT_TYPES } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import Ajv2020, { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { spec } from '../schema/openapi.generated';
import { isCalendarTime } from '../calendarTime';
import {
  MAX_REPORTED_PROBLEMS,
  throwBatchProblems,
} from './throwBatchProblems';
import {
  checkEventFieldBounds,
  fieldBoundsOf,
  isWellFormedUnicode,
} from './eventFieldBounds';

/**
 * A structurally valid batch, before normalization.
 * @internal
 */
export interface EventBatchInput {
  source?: string;
  events: Array<Record<string, unknown>>;
}

const SCHEMA_ID = 'maturity-openapi';

const schemaNames: Record<string, string> = {
  build: 'BuildEvent',
  deployment: 'DeploymentEvent',
  change: 'ChangeEvent',
  incident: 'IncidentEvent',
  repo_fact: 'RepoFactEvent',
};

function compileValidators() {
  // OpenAPI 3.1 schemas are JSON Schema 2020-12. The spec's own schemas are
  // the contract; this only checks each event against the one its type names,
  // which gives one precise message per problem instead of a oneOf dump.
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  // One parser of calendar times for the whole plugin: RFC 3339, and the
  // time must exist (no leap second, no February 30).
  ajv.addFormat('date-time', { type: 'string', validate: isCalendarTime });
  ajv.addSchema({ $id: SCHEMA_ID, components: spec.components });
  const byType = new Map<
    string,
    { validate: ValidateFunction; bounds: ReturnType<typeof fieldBoundsOf> }
  >();
  for (const [type, name] of Object.entries(schemaNames)) {
    byType.set(type, {
      validate: ajv.getSchema(`${SCHEMA_ID}#/components/schemas/${name}`)!,
      bounds: fieldBoundsOf(name),
    });
  }
  const envelope = ajv.compile({
    type: 'object',
    additionalProperties: false,
    required: ['events'],
    properties: {
      source: { $ref: `${SCHEMA_ID}#/components/schemas/Source` },
      events: { type: 'array', minItems: 1, items: { type: 'object' } },
    },
  });
  return { byType, envelope };
}

let validators: ReturnType<typeof compileValidators> | undefined;

// Field names come from the caller: keep messages short whatever was sent.
const shown = (name: unknown) => {
  const text = String(name);
  return text.length > 64 ? `${text.slice(0, 64)}…` : text;
};

function describe(error: ErrorObject, prefix: string, kind?: string): string {
  const path = `${prefix}${error.instancePath
    .split('/')
    .slice(1)
    .map(part => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
    .join('')}`.replace(/^\./, '');
  const field = (name: string) => (path ? `${path}.${name}` : name);
  // A problem of the whole body (not an object, say) names the body.
  const at = path || 'body';
  switch (error.keyword) {
    case 'required':
      return `${field(error.params.missingProperty)} is required`;
    case 'additionalProperties':
      return `${field(
        shown(error.params.additionalProperty),
      )} is not a field of ${kind ? `a ${kind} event` : 'the batch'}`;
    case 'enum':
      return `${at} must be one of ${(
        error.params.allowedValues as unknown[]
      ).join(', ')}`;
    case 'format':
      return error.params.format === 'date-time'
        ? `${at} must be an RFC 3339 date-time with offset that exists on the calendar, e.g. 2026-11-20T14:02:11Z`
        : `${at} ${error.message}`;
    default:
      return `${at} ${error.message}`;
  }
}

/**
 * Checks an ingest request body against the event schemas of the OpenAPI
 * spec, event by event. The batch size and every event's field bounds are
 * checked first, in time bounded by the documented limits, so the schema
 * validation only ever sees bounded input; collecting stops after
 * MAX_REPORTED_PROBLEMS. Throws an InputError naming the offending
 * `events[i].field`s.
 * @internal
 */
export function validateEventBatch(
  body: unknown,
  maxEventsPerBatch: number,
): EventBatchInput {
  validators ??= compileValidators();
  const { byType, envelope } = validators;

  const events = (body as { events?: unknown } | null)?.events;
  if (Array.isArray(events) && events.length > maxEventsPerBatch) {
    throwBatchProblems([
      `events: a batch holds at most ${maxEventsPerBatch} events, got ${events.length}`,
    ]);
  }
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const unknown = Object.keys(body).filter(
      key => key !== 'source' && key !== 'events',
    );
    throwBatchProblems(
      unknown
        .slice(0, MAX_REPORTED_PROBLEMS + 1)
        .map(key => `${shown(key)} is not a field of the batch`),
    );
  }
  if (!envelope(body)) {
    throwBatchProblems(envelope.errors!.map(e => describe(e, '')));
  }
  const batch = body as EventBatchInput;
  if (batch.source !== undefined && !isWellFormedUnicode(batch.source)) {
    throwBatchProblems(['source must be well-formed Unicode']);
  }

  const problems: string[] = [];
  const budget = () => problems.length <= MAX_REPORTED_PROBLEMS;
  for (let index = 0; index < batch.events.length && budget(); index++) {
    const event = batch.events[index];
    const type = String(event.type);
    const prefix = `events[${index}]`;
    const validator = byType.get(type);
    if (!validator) {
      problems.push(
        event.type === undefined
          ? `${prefix}.type is required`
          : `${prefix}.type must be one of ${MATURITY_EVENT_TYPES.join(', ')}`,
      );
      continue;
    }
    const before = problems.length;
    checkEventFieldBounds(
      event,
      validator.bounds,
      (field, message) =>
        problems.push(`${prefix}${field ? `.${field}` : ''} ${message}`),
      budget,
    );
    if (problems.length > before) continue;
    if (!validator.validate(event)) {
      for (const error of validator.validate.errors!) {
        if (!budget()) break;
        problems.push(describe(error, prefix, type));
      }
    }
  }
  throwBatchProblems(problems);
  return batch;
}
