import { MATURITY_EVENT_TYPES } from '@internal/plugin-maturity-common';
import Ajv2020, { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { spec } from '../schema/openapi.generated';
import { throwBatchProblems } from './throwBatchProblems';

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
  ajv.addSchema({ $id: SCHEMA_ID, components: spec.components });
  const byType = new Map<string, ValidateFunction>();
  for (const [type, name] of Object.entries(schemaNames)) {
    byType.set(
      type,
      ajv.getSchema(`${SCHEMA_ID}#/components/schemas/${name}`)!,
    );
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

function describe(error: ErrorObject, prefix: string, kind?: string): string {
  const path = `${prefix}${error.instancePath
    .split('/')
    .slice(1)
    .map(part => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
    .join('')}`;
  const field = (name: string) => (path ? `${path}.${name}` : name);
  switch (error.keyword) {
    case 'required':
      return `${field(error.params.missingProperty)} is required`;
    case 'additionalProperties':
      return `${field(error.params.additionalProperty)} is not a field of ${
        kind ? `a ${kind} event` : 'the batch'
      }`;
    case 'enum':
      return `${path} must be one of ${(
        error.params.allowedValues as unknown[]
      ).join(', ')}`;
    case 'format':
      return error.params.format === 'date-time'
        ? `${path} must be an ISO 8601 date-time with offset, e.g. 2026-11-20T14:02:11Z`
        : `${path} ${error.message}`;
    default:
      return `${path} ${error.message}`;
  }
}

/**
 * Checks an ingest request body against the event schemas of the OpenAPI
 * spec, event by event. Throws an InputError naming every offending
 * `events[i].field`.
 * @internal
 */
export function validateEventBatch(
  body: unknown,
  maxEventsPerBatch: number,
): EventBatchInput {
  validators ??= compileValidators();
  const { byType, envelope } = validators;

  if (!envelope(body)) {
    throwBatchProblems(envelope.errors!.map(e => describe(e, '')));
  }
  const batch = body as EventBatchInput;
  if (batch.events.length > maxEventsPerBatch) {
    throwBatchProblems([
      `events: a batch holds at most ${maxEventsPerBatch} events, got ${batch.events.length}`,
    ]);
  }

  const problems: string[] = [];
  batch.events.forEach((event, index) => {
    const prefix = `events[${index}]`;
    const type = String(event.type);
    const validate = byType.get(type);
    if (!validate) {
      problems.push(
        event.type === undefined
          ? `${prefix}.type is required`
          : `${prefix}.type must be one of ${MATURITY_EVENT_TYPES.join(', ')}`,
      );
      return;
    }
    if (!validate(event)) {
      for (const error of validate.errors!) {
        problems.push(describe(error, prefix, type));
      }
    }
  });
  throwBatchProblems(problems);
  return batch;
}
