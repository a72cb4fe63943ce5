import { CategoryId, DoraBand, MaturityLevel } from './scorecard';

/** What a rollup aggregates over. @public */
export type RollupScopeKind = 'group' | 'system' | 'domain' | 'org';

/** Count of entities at each level 0..5, index = level. @public */
export type LevelDistribution = [
  number,
  number,
  number,
  number,
  number,
  number,
];

/** @public */
export interface LevelSummary {
  distribution: LevelDistribution;
  /** Median level; null for an empty scope. */
  median: number | null;
}

/** An entity whose overall level changed against 30 days earlier. @public */
export interface Mover {
  entityRef: string;
  from: MaturityLevel;
  to: MaturityLevel;
}

/** A check and how often it fails across the scope. @public */
export interface FailingCheck {
  checkId: string;
  failed: number;
  /** Entities where the check applied (not n/a, not insufficient data). */
  applicable: number;
}

/**
 * Aggregates for one group (including all descendant groups), system, domain
 * or the whole organisation, computed on the server after evaluation.
 * @public
 */
export interface Rollup {
  scopeRef: string;
  scopeKind: RollupScopeKind;
  entityCount: number;
  computedAt: string;
  overall: LevelSummary;
  categories: Record<CategoryId, LevelSummary>;
  deliveryBands: Record<DoraBand | 'unknown', number>;
  /** The checks failing most often, most failed first (at most 10). */
  mostFailedChecks: FailingCheck[];
  movers: { improved: Mover[]; dropped: Mover[] };
  /** For a group: itself and every descendant group. */
  groupRefs?: string[];
  /** Direct sub-scopes (child groups; a domain's systems), for heatmaps. */
  children: Array<{
    scopeRef: string;
    entityCount: number;
    overallMedian: number | null;
    categoryMedians: Record<CategoryId, number | null>;
  }>;
}
