import { spec } from '../schema/openapi.generated';

/** The size limits of one event field, as the spec documents them. */
interface FieldBound {
  maxLength?: number;
  maxItems?: number;
  itemMaxLength?: number;
}

type Schema = {
  $ref?: string;
  type?: unknown;
  maxLength?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  enum?: readonly unknown[];
};

const schemas = spec.components.schemas as unknown as Record<string, Schema>;

function resolve(schema: Schema): Schema {
  return schema.$ref ? resolve(schemas[schema.$ref.split('/').pop()!]) : schema;
}

/**
 * The bounds of every field of an event schema. Every string and array field
 * of the event schemas has one; a test holds the spec to that.
 */
export function fieldBoundsOf(schemaName: string): Map<string, FieldBound> {
  const bounds = new Map<string, FieldBound>();
  for (const [field, raw] of Object.entries(
    resolve(schemas[schemaName]).properties ?? {},
  )) {
    const schema = resolve(raw);
    const items = schema.items ? resolve(schema.items) : undefined;
    bounds.set(field, {
      maxLength: schema.maxLength,
      maxItems: schema.maxItems,
      itemMaxLength: items?.maxLength,
    });
  }
  return bounds;
}

// Lone UTF-16 surrogates: in a `u` regex a well-formed pair is one code point.
const LONE_SURROGATE = /\p{Cs}/u;

/** Whether a string is well-formed Unicode (no lone surrogate). */
export const isWellFormedUnicode = (text: string) => !LONE_SURROGATE.test(text);

/**
 * The cheap checks that run before the schema validation, in time linear in
 * the fields' documented sizes rather than in what was sent: no more fields
 * than the schema has, no string or array beyond its bound, strings
 * well-formed Unicode (a lone surrogate would be stored as U+FFFD, and two
 * ids would become one). Reports at most one problem per field and stops at
 * `budget` problems.
 */
export function checkEventFieldBounds(
  event: Record<string, unknown>,
  bounds: Map<string, FieldBound>,
  report: (field: string, message: string) => void,
  budget: () => boolean,
): void {
  let fields = 0;
  for (const field in event) {
    if (!Object.prototype.hasOwnProperty.call(event, field)) continue;
    fields++;
    if (fields > bounds.size) {
      report('', `has more fields than the ${bounds.size} of its type`);
      return;
    }
    if (!budget()) return;
    const bound = bounds.get(field);
    const value = event[field];
    if (!bound) continue; // the schema names it
    if (typeof value === 'string') {
      if (bound.maxLength !== undefined && value.length > bound.maxLength) {
        report(field, `must NOT have more than ${bound.maxLength} characters`);
      } else if (!isWellFormedUnicode(value)) {
        report(
          field,
          'must be well-formed Unicode (it holds a lone surrogate)',
        );
      }
    } else if (Array.isArray(value)) {
      if (bound.maxItems !== undefined && value.length > bound.maxItems) {
        report(field, `must NOT have more than ${bound.maxItems} items`);
        continue;
      }
      for (let i = 0; i < value.length; i++) {
        const item = value[i];
        if (typeof item !== 'string') continue; // the schema names it
        if (
          bound.itemMaxLength !== undefined &&
          item.length > bound.itemMaxLength
        ) {
          report(
            `${field}[${i}]`,
            `must NOT have more than ${bound.itemMaxLength} characters`,
          );
          break;
        }
        if (!isWellFormedUnicode(item)) {
          report(
            `${field}[${i}]`,
            'must be well-formed Unicode (it holds a lone surrogate)',
          );
          break;
        }
      }
    }
  }
}
