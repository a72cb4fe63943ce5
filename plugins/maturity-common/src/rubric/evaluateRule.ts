import { MaturityEventType } from '../events';
import { METRIC_DEFINITIONS, MetricId, EvidenceId } from '../metrics';
import { CheckState } from '../scorecard';
import {
  AnnotationRule,
  CheckRule,
  ConnectionRule,
  EntityRule,
  FactRule,
  MetricRule,
  MetricsComputableRule,
} from './CheckRule';
import { EvaluationInput, SourceConnectionName } from './EvaluationInput';
import { compare, formatNumber, relationSymbol } from './comparison';
import { metricPhrase } from './metricPhrases';

/** A rule's outcome before exemptions are applied. */
export interface RuleOutcome {
  state: Exclude<CheckState, 'exempt'>;
  message: string;
  observed: Record<string, number | string | boolean | null>;
  /** Numeric thresholds the rule compared against, e.g. `>= 0.8`. */
  thresholds: { subject: string; text: string }[];
  evidence: EvidenceId[];
}

const CONNECTION_OF_EVENT: Partial<
  Record<MaturityEventType, SourceConnectionName>
> = {
  build: 'ci',
  change: 'scm',
  incident: 'incidents',
  // Deployments arrive from CI, source control or the ingest API alike, so
  // no single connection gates them; the metric's own status decides.
};

const CONNECTION_LABELS: Record<SourceConnectionName, string> = {
  scm: 'source control',
  ci: 'CI',
  incidents: 'incident management',
};

/** Tools a metric needs that are not connected. */
function missingConnections(
  metric: MetricId,
  input: EvaluationInput,
): SourceConnectionName[] {
  const needed = new Set<SourceConnectionName>();
  for (const event of METRIC_DEFINITIONS[metric]
    .reads as readonly MaturityEventType[]) {
    const connection = CONNECTION_OF_EVENT[event];
    if (connection) {
      needed.add(connection);
    }
  }
  return [...needed].filter(c => !input.connections[c]);
}

function notConnectedMessage(missing: SourceConnectionName[]): string {
  return `Not applicable: ${missing
    .map(c => CONNECTION_LABELS[c])
    .join(' and ')} not connected`;
}

function evaluateMetricRule(
  rule: MetricRule,
  input: EvaluationInput,
): RuleOutcome {
  const definition = METRIC_DEFINITIONS[rule.metric];
  const thresholds = [
    { subject: rule.metric, text: `${rule.op} ${rule.threshold}` },
  ];
  const missing = missingConnections(rule.metric, input);
  if (missing.length > 0) {
    return {
      state: 'not-applicable',
      message: notConnectedMessage(missing),
      observed: { [rule.metric]: null },
      thresholds,
      evidence: [],
    };
  }
  const value = input.metrics[rule.metric];
  if (!value || value.status === 'not-applicable') {
    return {
      state: 'not-applicable',
      message: `Not applicable: ${definition.title.toLowerCase()} is not measured for this entity`,
      observed: { [rule.metric]: null },
      thresholds,
      evidence: value?.evidence ?? [],
    };
  }
  const observed = {
    [rule.metric]: value.value,
    [`${rule.metric}.sampleSize`]: value.sampleSize,
  };
  if (value.status === 'insufficient-data' || value.value === null) {
    return {
      state: 'insufficient-data',
      message: `Insufficient data: ${definition.title.toLowerCase()} from ${
        value.sampleSize
      } samples, at least ${value.minimumSample} needed`,
      observed,
      thresholds,
      evidence: value.evidence,
    };
  }
  const passed = compare(value.value, rule.op, rule.threshold);
  const counts =
    value.unit === 'ratio'
      ? ` (${Math.round(value.value * value.sampleSize)} of ${
          value.sampleSize
        })`
      : '';
  return {
    state: passed ? 'pass' : 'fail',
    message: `${formatNumber(value.value, value.unit)} ${relationSymbol(
      rule.op,
      passed,
    )} ${formatNumber(rule.threshold, value.unit)} ${metricPhrase(
      rule.metric,
    )}${counts}`,
    observed,
    thresholds,
    evidence: value.evidence,
  };
}

function evaluateFactRule(rule: FactRule, input: EvaluationInput): RuleOutcome {
  const value = input.repoFacts[rule.fact];
  const thresholds =
    rule.op !== undefined
      ? [{ subject: rule.fact, text: `${rule.op} ${rule.expect}` }]
      : [];
  const observed = { [rule.fact]: value ?? null };
  if (value === undefined || value === null) {
    return input.connections.scm
      ? {
          state: 'fail',
          message: `${rule.fact}: not found in the repository`,
          observed,
          thresholds,
          evidence: [],
        }
      : {
          state: 'not-applicable',
          message: `Not applicable: source control not connected, ${rule.fact} unknown`,
          observed,
          thresholds,
          evidence: [],
        };
  }
  if (rule.op !== undefined) {
    const threshold = Number(rule.expect);
    if (typeof value !== 'number') {
      return {
        state: 'fail',
        message: `${rule.fact}: ${String(value)} is not a number`,
        observed,
        thresholds,
        evidence: [],
      };
    }
    const passed = compare(value, rule.op, threshold);
    return {
      state: passed ? 'pass' : 'fail',
      message: `${rule.fact}: ${formatNumber(value)} ${relationSymbol(
        rule.op,
        passed,
      )} ${formatNumber(threshold)}`,
      observed,
      thresholds,
      evidence: [],
    };
  }
  // Without an expected value the rule asks whether the practice is
  // present: true, or the name of the tool that provides it ('kubeflow').
  const passed =
    rule.expect === undefined
      ? value === true || (typeof value === 'string' && value.trim() !== '')
      : value === rule.expect;
  const expected = rule.expect ?? true;
  return {
    state: passed ? 'pass' : 'fail',
    message: passed
      ? `${rule.fact}: ${String(value)}`
      : `${rule.fact}: ${String(value)}, expected ${String(expected)}`,
    observed,
    thresholds,
    evidence: [],
  };
}

function evaluateEntityRule(
  rule: EntityRule,
  input: EvaluationInput,
): RuleOutcome {
  const { entity } = input;
  const outcome = (
    passed: boolean,
    message: string,
    observed: RuleOutcome['observed'],
  ): RuleOutcome => ({
    state: passed ? 'pass' : 'fail',
    message,
    observed,
    thresholds: [],
    evidence: [],
  });
  switch (rule.property) {
    case 'ownerIsGroup': {
      let message = 'No owner set';
      if (entity.owner) {
        message = entity.ownerIsGroup
          ? `Owned by ${entity.owner}`
          : `Owner ${entity.owner} is not a Group`;
      }
      return outcome(Boolean(entity.owner) && entity.ownerIsGroup, message, {
        owner: entity.owner ?? null,
        ownerIsGroup: entity.ownerIsGroup,
      });
    }
    case 'hasOwner':
      return outcome(
        Boolean(entity.owner),
        entity.owner ? `Owned by ${entity.owner}` : 'No owner set',
        { owner: entity.owner ?? null },
      );
    case 'hasSystem':
      return outcome(
        Boolean(entity.system),
        entity.system ? `Part of ${entity.system}` : 'No system set',
        { system: entity.system ?? null },
      );
    case 'hasTypeAndLifecycle': {
      const lacking = [
        entity.type ? undefined : 'type',
        entity.lifecycle ? undefined : 'lifecycle',
      ].filter(Boolean);
      return outcome(
        lacking.length === 0,
        lacking.length === 0
          ? `Type ${entity.type}, lifecycle ${entity.lifecycle}`
          : `No ${lacking.join(' or ')} set`,
        { type: entity.type ?? null, lifecycle: entity.lifecycle ?? null },
      );
    }
    case 'providesApis':
      return outcome(
        entity.providesApis,
        entity.providesApis
          ? 'Provides APIs in the catalog'
          : 'Provides no APIs in the catalog',
        { providesApis: entity.providesApis },
      );
    default:
      return {
        state: 'fail',
        message: `Unknown entity property ${String(
          (rule as { property: unknown }).property,
        )}`,
        observed: {},
        thresholds: [],
        evidence: [],
      };
  }
}

function evaluateAnnotationRule(
  rule: AnnotationRule,
  input: EvaluationInput,
): RuleOutcome {
  const present = rule.anyOf.filter(a => input.entity.annotations[a]);
  return {
    state: present.length > 0 ? 'pass' : 'fail',
    message:
      present.length > 0
        ? `Annotation ${present.join(', ')} set`
        : `None of the annotations ${rule.anyOf.join(', ')} set`,
    observed: Object.fromEntries(
      rule.anyOf.map(a => [a, input.entity.annotations[a] ?? null]),
    ),
    thresholds: [],
    evidence: [],
  };
}

function evaluateConnectionRule(
  rule: ConnectionRule,
  input: EvaluationInput,
): RuleOutcome {
  const missing = rule.connections.filter(c => !input.connections[c]);
  const labels = (names: SourceConnectionName[]) =>
    names.map(c => CONNECTION_LABELS[c]).join(' and ');
  return {
    state: missing.length === 0 ? 'pass' : 'fail',
    message:
      missing.length === 0
        ? `${labels(rule.connections)} connected`
        : `${labels(missing)} not connected`,
    observed: Object.fromEntries(
      rule.connections.map(c => [`connection.${c}`, input.connections[c]]),
    ),
    thresholds: [],
    evidence: [],
  };
}

function evaluateMinimum(
  subject: string,
  observed: number,
  min: number,
  phrase: string,
  unit?: 'ratio',
): RuleOutcome {
  const passed = observed >= min;
  return {
    state: passed ? 'pass' : 'fail',
    message: `${formatNumber(observed, unit)} ${relationSymbol(
      '>=',
      passed,
    )} ${formatNumber(min, unit)} ${phrase}`,
    observed: { [subject]: observed },
    thresholds: [{ subject, text: `>= ${min}` }],
    evidence: [],
  };
}

function evaluateMetricsComputable(
  rule: MetricsComputableRule,
  input: EvaluationInput,
): RuleOutcome {
  const parts: RuleOutcome[] = rule.metrics.map(metric => {
    const title = METRIC_DEFINITIONS[metric].title;
    const missing = missingConnections(metric, input);
    const value = input.metrics[metric];
    if (missing.length > 0 || !value || value.status === 'not-applicable') {
      return {
        state: 'not-applicable',
        message:
          missing.length > 0
            ? notConnectedMessage(missing)
            : `Not applicable: ${title.toLowerCase()} is not measured for this entity`,
        observed: { [metric]: null },
        thresholds: [],
        evidence: [],
      };
    }
    const computable = value.status === 'ok' && value.value !== null;
    return {
      // Too few samples is exactly what this rule looks for, so it fails.
      state: computable ? 'pass' : 'fail',
      message: `${title} ${computable ? 'computable' : 'not computable'} from ${
        value.sampleSize
      } samples (at least ${value.minimumSample} needed)`,
      observed: {
        [metric]: value.value,
        [`${metric}.sampleSize`]: value.sampleSize,
      },
      thresholds: [],
      evidence: value.evidence,
    };
  });
  return combine('all', parts);
}

/**
 * Combines sub-outcomes. `all`: fail, then insufficient data, then not
 * applicable win over pass. `any`: pass wins, then insufficient data (more
 * data might pass it), then fail.
 */
function combine(mode: 'all' | 'any', parts: RuleOutcome[]): RuleOutcome {
  const has = (state: RuleOutcome['state']) =>
    parts.some(p => p.state === state);
  let state: RuleOutcome['state'];
  if (mode === 'all') {
    if (has('fail')) state = 'fail';
    else if (has('insufficient-data')) state = 'insufficient-data';
    else if (has('not-applicable') || parts.length === 0)
      state = 'not-applicable';
    else state = 'pass';
  } else {
    if (has('pass')) state = 'pass';
    else if (has('insufficient-data')) state = 'insufficient-data';
    else if (has('fail')) state = 'fail';
    else state = 'not-applicable';
  }
  // A passing "any" is explained by what passed; everything else by all parts.
  const shown =
    mode === 'any' && state === 'pass'
      ? parts.filter(p => p.state === 'pass')
      : parts;
  return {
    state,
    message: shown.map(p => p.message).join('; '),
    observed: Object.assign({}, ...parts.map(p => p.observed)),
    thresholds: parts.flatMap(p => p.thresholds),
    evidence: [...new Set(parts.flatMap(p => p.evidence))],
  };
}

/**
 * Evaluates one rule against the input. Pure.
 */
export function evaluateRule(
  rule: CheckRule,
  input: EvaluationInput,
): RuleOutcome {
  switch (rule.kind) {
    case 'metric':
      return evaluateMetricRule(rule, input);
    case 'fact':
      return evaluateFactRule(rule, input);
    case 'facts-all':
    case 'facts-any':
      return combine(
        rule.kind === 'facts-all' ? 'all' : 'any',
        rule.facts.map(f => evaluateFactRule({ kind: 'fact', fact: f }, input)),
      );
    case 'entity':
      return evaluateEntityRule(rule, input);
    case 'annotation':
      return evaluateAnnotationRule(rule, input);
    case 'connection':
      return evaluateConnectionRule(rule, input);
    case 'history-days':
      return evaluateMinimum(
        'historyDays',
        input.historyDays,
        rule.min,
        'days of scorecard history',
      );
    case 'catalog-completeness':
      return evaluateMinimum(
        'catalogCompleteness',
        input.entity.catalogCompleteness,
        rule.min,
        'catalog completeness',
        'ratio',
      );
    case 'metrics-computable':
      return evaluateMetricsComputable(rule, input);
    case 'not-measured':
      return {
        state: 'not-applicable',
        message: `Not measured yet: ${rule.reason}`,
        observed: {},
        thresholds: [],
        evidence: [],
      };
    case 'all':
    case 'any':
      return combine(
        rule.kind,
        rule.rules.map(r => evaluateRule(r, input)),
      );
    default:
      return {
        state: 'not-applicable',
        message: `Unknown rule kind ${String(
          (rule as { kind: unknown }).kind,
        )}`,
        observed: {},
        thresholds: [],
        evidence: [],
      };
  }
}
