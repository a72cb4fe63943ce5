import { MetricId, MetricValue } from '../metrics';
import { RepoFactValue } from '../events';
import { Exemption } from '../wire';

/**
 * The catalog facts about an entity that the rubric reads, flattened by the
 * caller so the rubric needs no catalog client.
 * @public
 */
export interface RubricEntity {
  /** Full entity reference, e.g. `component:default/checkout-api`. */
  entityRef: string;
  kind: string;
  /** `spec.type`, e.g. `service` or `ml-model`. */
  type?: string;
  /** `spec.lifecycle`. */
  lifecycle?: string;
  /** Full owner reference, e.g. `group:default/payments`. */
  owner?: string;
  /** True when the owner resolves to a Group rather than a User. */
  ownerIsGroup: boolean;
  /** `spec.system`. */
  system?: string;
  tags: string[];
  annotations: Record<string, string>;
  /** The entity has at least one `providesApis` relation. */
  providesApis: boolean;
  /**
   * Share (0..1) of description, owner, system, lifecycle, type and tags that
   * are present.
   */
  catalogCompleteness: number;
}

/**
 * Which kinds of tool feed events for the entity. A check whose data comes
 * from a tool that is not connected is not applicable rather than failed.
 * @public
 */
export interface SourceConnections {
  /** Source control (changes, repository facts). */
  scm: boolean;
  /** Continuous integration (builds). */
  ci: boolean;
  /** Incident management (incidents). */
  incidents: boolean;
}

/** The name of one source connection. @public */
export type SourceConnectionName = keyof SourceConnections;

/**
 * Everything `evaluateScorecard` reads for one entity. Pure data: the same
 * input always yields the same scorecard.
 * @public
 */
export interface EvaluationInput {
  entity: RubricEntity;
  /** Metrics over the window; a missing metric is treated as not applicable. */
  metrics: Partial<Record<MetricId, MetricValue>>;
  /** Latest value of each repository fact, keyed by fact name. */
  repoFacts: Record<string, RepoFactValue>;
  connections: SourceConnections;
  /** Days of scorecard history already kept for the entity. */
  historyDays: number;
  /** Waivers; only those for this entity, active at `now`, apply. */
  exemptions: Exemption[];
  /**
   * Checks that are advisory at `now` (new, or their rule changed, in a
   * recent rubric change), each with the UTC day (`YYYY-MM-DD`) from which
   * it counts: evaluated and shown, not counted in levels.
   */
  advisoryChecks?: Record<string, string>;
  /** Evaluation time, ISO 8601. */
  now: string;
  window: { from: string; to: string };
}
