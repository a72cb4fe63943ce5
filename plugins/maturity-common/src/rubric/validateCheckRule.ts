import { METRIC_DEFINITIONS, MetricId } from '../metrics';
import {
  CHECK_RULE_KINDS,
  COMPARISON_OPERATORS,
  CheckRule,
  ComparisonOperator,
  ENTITY_PROPERTIES,
  EntityProperty,
} from './CheckRule';
import { SourceConnectionName } from './EvaluationInput';

/** An error in adopter-written rubric config, naming the offending path. */
export function configError(path: string, problem: string): Error {
  return new Error(`${path}: ${problem}`);
}

/** A JSON object, not an array or null. */
export function isPlainObject(
  value: unknown,
): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Rejects keys outside `allowed`, so a typo never passes silently. */
export function rejectUnknownKeys(
  value: Record<string, unknown>,
  allowed: string[],
  path: string,
): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      throw configError(
        `${path}.${key}`,
        `unknown key; expected one of ${allowed.join(', ')}`,
      );
    }
  }
}

export function requireString(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw configError(path, 'must be a non-empty string');
  }
  return value;
}

export function requireNumber(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw configError(path, 'must be a number');
  }
  return value;
}

export function requireBoolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') {
    throw configError(path, 'must be true or false');
  }
  return value;
}

function requireArray(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw configError(path, 'must be a non-empty list');
  }
  return value;
}

function requireOneOf<T extends string>(
  value: unknown,
  allowed: readonly T[],
  path: string,
  what: string,
): T {
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw configError(
      path,
      `unknown ${what} '${String(value)}'; expected one of ${allowed.join(
        ', ',
      )}`,
    );
  }
  return value as T;
}

function requireMetric(value: unknown, path: string): MetricId {
  if (typeof value !== 'string' || !(value in METRIC_DEFINITIONS)) {
    throw configError(path, `unknown metric '${String(value)}'`);
  }
  return value as MetricId;
}

/** Thresholds of ratio metrics are shares, so outside 0..1 they never hold. */
export function requireRatioIfNeeded(
  metric: MetricId,
  threshold: number,
  path: string,
): void {
  if (
    METRIC_DEFINITIONS[metric].unit === 'ratio' &&
    (threshold < 0 || threshold > 1)
  ) {
    throw configError(
      path,
      `must be between 0 and 1 for ratio metric '${metric}'`,
    );
  }
}

const CONNECTION_NAMES: readonly SourceConnectionName[] = [
  'scm',
  'ci',
  'incidents',
];

/**
 * Checks that an adopter-written rule is well formed and returns it typed.
 * Throws an Error naming the exact config path of the first problem.
 */
export function validateCheckRule(raw: unknown, path: string): CheckRule {
  if (!isPlainObject(raw)) {
    throw configError(path, 'must be an object with a kind');
  }
  const kind = requireOneOf(
    raw.kind,
    CHECK_RULE_KINDS,
    `${path}.kind`,
    'rule kind',
  );
  switch (kind) {
    case 'metric': {
      rejectUnknownKeys(raw, ['kind', 'metric', 'op', 'threshold'], path);
      const metric = requireMetric(raw.metric, `${path}.metric`);
      const op = requireOneOf<ComparisonOperator>(
        raw.op,
        COMPARISON_OPERATORS,
        `${path}.op`,
        'operator',
      );
      const threshold = requireNumber(raw.threshold, `${path}.threshold`);
      requireRatioIfNeeded(metric, threshold, `${path}.threshold`);
      return { kind, metric, op, threshold };
    }
    case 'fact': {
      rejectUnknownKeys(raw, ['kind', 'fact', 'expect', 'op'], path);
      const fact = requireString(raw.fact, `${path}.fact`);
      if (raw.op !== undefined) {
        const op = requireOneOf<ComparisonOperator>(
          raw.op,
          COMPARISON_OPERATORS,
          `${path}.op`,
          'operator',
        );
        const expect = requireNumber(raw.expect, `${path}.expect`);
        return { kind, fact, op, expect };
      }
      if (raw.expect === undefined) {
        return { kind, fact };
      }
      if (!['boolean', 'string', 'number'].includes(typeof raw.expect)) {
        throw configError(
          `${path}.expect`,
          'must be a boolean, a string or a number',
        );
      }
      return { kind, fact, expect: raw.expect as boolean | string | number };
    }
    case 'facts-all':
    case 'facts-any': {
      rejectUnknownKeys(raw, ['kind', 'facts'], path);
      const facts = requireArray(raw.facts, `${path}.facts`).map((f, i) =>
        requireString(f, `${path}.facts[${i}]`),
      );
      return { kind, facts };
    }
    case 'entity': {
      rejectUnknownKeys(raw, ['kind', 'property'], path);
      const property = requireOneOf<EntityProperty>(
        raw.property,
        ENTITY_PROPERTIES,
        `${path}.property`,
        'entity property',
      );
      return { kind, property };
    }
    case 'annotation': {
      rejectUnknownKeys(raw, ['kind', 'anyOf'], path);
      const anyOf = requireArray(raw.anyOf, `${path}.anyOf`).map((a, i) =>
        requireString(a, `${path}.anyOf[${i}]`),
      );
      return { kind, anyOf };
    }
    case 'connection': {
      rejectUnknownKeys(raw, ['kind', 'connections'], path);
      const connections = requireArray(
        raw.connections,
        `${path}.connections`,
      ).map((c, i) =>
        requireOneOf(
          c,
          CONNECTION_NAMES,
          `${path}.connections[${i}]`,
          'connection',
        ),
      );
      return { kind, connections };
    }
    case 'history-days': {
      rejectUnknownKeys(raw, ['kind', 'min'], path);
      const min = requireNumber(raw.min, `${path}.min`);
      if (min < 0) {
        throw configError(`${path}.min`, 'must not be negative');
      }
      return { kind, min };
    }
    case 'catalog-completeness': {
      rejectUnknownKeys(raw, ['kind', 'min'], path);
      const min = requireNumber(raw.min, `${path}.min`);
      if (min < 0 || min > 1) {
        throw configError(`${path}.min`, 'must be between 0 and 1');
      }
      return { kind, min };
    }
    case 'metrics-computable': {
      rejectUnknownKeys(raw, ['kind', 'metrics'], path);
      const metrics = requireArray(raw.metrics, `${path}.metrics`).map((m, i) =>
        requireMetric(m, `${path}.metrics[${i}]`),
      );
      return { kind, metrics };
    }
    case 'not-measured': {
      rejectUnknownKeys(raw, ['kind', 'reason'], path);
      return { kind, reason: requireString(raw.reason, `${path}.reason`) };
    }
    case 'all':
    case 'any': {
      rejectUnknownKeys(raw, ['kind', 'rules'], path);
      const rules = requireArray(raw.rules, `${path}.rules`).map((r, i) =>
        validateCheckRule(r, `${path}.rules[${i}]`),
      );
      return { kind, rules };
    }
    default:
      throw configError(`${path}.kind`, `unknown rule kind '${String(kind)}'`);
  }
}
