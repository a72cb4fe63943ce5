import { InputError } from '@backstage/errors';
import express from 'express';
import {
  parseCalendarDateMillis,
  parseCalendarTimeMillis,
} from '../calendarTime';

const DIGITS = /^\d{1,16}$/;

/**
 * A query parameter holding an integer: decimal digits only (no sign, no
 * exponent, no hex, no `Infinity`) within the documented bounds. Throws an
 * InputError naming the parameter otherwise.
 */
export function parseIntegerParameter(
  name: string,
  raw: string,
  bounds: { minimum?: number; maximum: number },
): number {
  const minimum = bounds.minimum ?? 0;
  const value = DIGITS.test(raw) ? Number(raw) : NaN;
  if (
    !Number.isSafeInteger(value) ||
    value < minimum ||
    value > bounds.maximum
  ) {
    throw new InputError(
      `${name}: must be a decimal integer from ${minimum} to ${
        bounds.maximum
      }, got '${raw.slice(0, 40)}'`,
    );
  }
  return value;
}

/**
 * A query parameter holding a time: an RFC 3339 date-time that exists on the
 * calendar (or, with `dateAllowed`, a `YYYY-MM-DD` date, read as its UTC
 * midnight). Throws an InputError naming the parameter otherwise.
 */
export function parseTimeParameter(
  name: string,
  raw: string,
  options: { dateAllowed?: boolean } = {},
): Date {
  const millis =
    parseCalendarTimeMillis(raw) ??
    (options.dateAllowed ? parseCalendarDateMillis(raw) : undefined);
  if (millis === undefined) {
    throw new InputError(
      `${name}: must be an RFC 3339 date-time with offset that exists on the calendar${
        options.dateAllowed ? ', or a YYYY-MM-DD date' : ''
      }, e.g. 2026-11-20T14:02:11Z, got '${raw.slice(0, 40)}'`,
    );
  }
  return new Date(millis);
}

type ParameterCheck = (name: string, raw: string) => void;

interface SpecParameter {
  name?: string;
  in?: string;
  $ref?: string;
  schema?: {
    type?: string;
    format?: string;
    minimum?: number;
    maximum?: number;
    items?: unknown;
    anyOf?: Array<{ format?: string }>;
  };
}

interface OpenApiSpec {
  paths: object;
  components: { parameters: object };
}

function checkFor(parameter: SpecParameter): ParameterCheck | undefined {
  const schema = parameter.schema ?? {};
  if (schema.type === 'integer') {
    if (schema.maximum === undefined) {
      throw new Error(
        `Query parameter ${parameter.name} is an integer without a maximum in the spec`,
      );
    }
    const bounds = { minimum: schema.minimum, maximum: schema.maximum };
    return (name, raw) => parseIntegerParameter(name, raw, bounds);
  }
  const formats = [schema.format, ...(schema.anyOf ?? []).map(s => s.format)];
  if (formats.includes('date-time')) {
    const dateAllowed = formats.includes('date');
    return (name, raw) => parseTimeParameter(name, raw, { dateAllowed });
  }
  return undefined;
}

/**
 * Checks the integer and time query parameters of every operation of the
 * spec with the strict parsers above, before the OpenAPI validator (whose
 * number coercion takes `Infinity`, `0x10` or `1e3`) sees them. A parameter
 * given twice is refused too. Routes read the values the validator then
 * coerces, which for what passes here are exact.
 */
export function strictQueryParameters(spec: OpenApiSpec): express.Handler {
  const operations: Array<{
    method: string;
    path: RegExp;
    checks: Map<string, ParameterCheck>;
  }> = [];
  const paths = spec.paths as Record<
    string,
    Record<string, { parameters?: readonly unknown[] }>
  >;
  const components = spec.components.parameters as Record<string, unknown>;
  for (const [path, methods] of Object.entries(paths)) {
    const pattern = new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}/?$`);
    for (const [method, operation] of Object.entries(methods)) {
      const checks = new Map<string, ParameterCheck>();
      for (const entry of operation.parameters ?? []) {
        let parameter = entry as SpecParameter;
        if (parameter.$ref) {
          const refName = parameter.$ref.split('/').pop()!;
          parameter = components[refName] as SpecParameter;
        }
        const check =
          parameter.in === 'query' ? checkFor(parameter) : undefined;
        if (check) checks.set(parameter.name!, check);
      }
      if (checks.size > 0) {
        operations.push({
          method: method.toUpperCase(),
          path: pattern,
          checks,
        });
      }
    }
  }

  return (req, _res, next) => {
    const operation = operations.find(
      o => o.method === req.method && o.path.test(req.path),
    );
    if (operation) {
      for (const [name, check] of operation.checks) {
        const value = req.query[name];
        if (value === undefined) continue;
        if (typeof value !== 'string') {
          throw new InputError(`${name}: give it once, as a plain value`);
        }
        check(name, value);
      }
    }
    next();
  };
}
