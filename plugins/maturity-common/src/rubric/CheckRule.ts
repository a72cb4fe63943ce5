import { MetricId } from '../metrics';
import { SourceConnectionName } from './EvaluationInput';

/**
 * How an observed number is compared with its threshold.
 * @public
 */
export type ComparisonOperator = '>=' | '<=' | '>' | '<' | '==';

/** The operators a rule may use. @public */
export const COMPARISON_OPERATORS: readonly ComparisonOperator[] = [
  '>=',
  '<=',
  '>',
  '<',
  '==',
];

/**
 * A metric compared with a threshold. Not applicable when the metric is
 * missing, not applicable, or needs a tool that is not connected;
 * insufficient data when the metric has too few samples.
 * @public
 */
export interface MetricRule {
  kind: 'metric';
  metric: MetricId;
  op: ComparisonOperator;
  threshold: number;
}

/**
 * A repository fact. Without `op` the fact must equal `expect` (default
 * `true`); with `op` the fact must be a number compared with `expect`.
 * A missing fact is not applicable when no source control is connected, and
 * fails otherwise: the collector looked and did not find it.
 * @public
 */
export interface FactRule {
  kind: 'fact';
  fact: string;
  expect?: boolean | string | number;
  op?: ComparisonOperator;
}

/** Every named fact must be `true`. @public */
export interface FactsAllRule {
  kind: 'facts-all';
  facts: string[];
}

/** At least one named fact must be `true`. @public */
export interface FactsAnyRule {
  kind: 'facts-any';
  facts: string[];
}

/**
 * Catalog properties a rule can require of the entity.
 * @public
 */
export type EntityProperty =
  | 'ownerIsGroup'
  | 'hasOwner'
  | 'hasSystem'
  | 'hasTypeAndLifecycle'
  | 'providesApis';

/** The entity properties a rule may name. @public */
export const ENTITY_PROPERTIES: readonly EntityProperty[] = [
  'ownerIsGroup',
  'hasOwner',
  'hasSystem',
  'hasTypeAndLifecycle',
  'providesApis',
];

/** A property of the catalog entity itself. @public */
export interface EntityRule {
  kind: 'entity';
  property: EntityProperty;
}

/** At least one of the annotations is set on the entity. @public */
export interface AnnotationRule {
  kind: 'annotation';
  anyOf: string[];
}

/**
 * Every named tool is connected. Fails (rather than being not applicable)
 * because being connected is what the check asks for.
 * @public
 */
export interface ConnectionRule {
  kind: 'connection';
  connections: SourceConnectionName[];
}

/** At least `min` days of scorecard history are kept. @public */
export interface HistoryDaysRule {
  kind: 'history-days';
  min: number;
}

/** The entity's catalog completeness (0..1) is at least `min`. @public */
export interface CatalogCompletenessRule {
  kind: 'catalog-completeness';
  min: number;
}

/**
 * Every named metric has enough data to be computed. Unlike a metric rule,
 * insufficient data fails here: having enough data is the point.
 * @public
 */
export interface MetricsComputableRule {
  kind: 'metrics-computable';
  metrics: MetricId[];
}

/**
 * A practice no source reports yet. Always not applicable, so it never passes
 * silently and never blocks a level; `reason` is shown to the user.
 * @public
 */
export interface NotMeasuredRule {
  kind: 'not-measured';
  reason: string;
}

/**
 * Every sub-rule passes. Fails if any fails; otherwise insufficient data,
 * then not applicable, win over pass, because a part could not be confirmed.
 * @public
 */
export interface AllRule {
  kind: 'all';
  rules: CheckRule[];
}

/**
 * At least one sub-rule passes. Otherwise insufficient data wins over fail
 * (more data might pass it), and fail over not applicable.
 * @public
 */
export interface AnyRule {
  kind: 'any';
  rules: CheckRule[];
}

/**
 * What a check looks at, as plain data so adopters can write rules in
 * app-config.
 * @public
 */
export type CheckRule =
  | MetricRule
  | FactRule
  | FactsAllRule
  | FactsAnyRule
  | EntityRule
  | AnnotationRule
  | ConnectionRule
  | HistoryDaysRule
  | CatalogCompletenessRule
  | MetricsComputableRule
  | NotMeasuredRule
  | AllRule
  | AnyRule;

/** The rule kinds, for validation. @public */
export const CHECK_RULE_KINDS: readonly CheckRule['kind'][] = [
  'metric',
  'fact',
  'facts-all',
  'facts-any',
  'entity',
  'annotation',
  'connection',
  'history-days',
  'catalog-completeness',
  'metrics-computable',
  'not-measured',
  'all',
  'any',
];
