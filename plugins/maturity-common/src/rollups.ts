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

/**
 * A check and how often it fails, or is met only through a waiver, across
 * the scope.
 * @public
 */
export interface FailingCheck {
  checkId: string;
  failed: number;
  /**
   * Entities where the check is exempt and its data alone would not pass.
   * Absent in rollups computed before it was counted.
   */
  waived?: number;
  /** Entities where the check applied (not n/a, not insufficient data). */
  applicable: number;
}

/**
 * Count of ML entities at each MLOps level 0..2, index = level.
 * @public
 */
export type MlopsLevelDistribution = [number, number, number];

/**
 * The MLOps levels of a scope's ML entities (those the rubric's MLOps track
 * applies to).
 * @public
 */
export interface MlopsRollup {
  /** ML entities in the scope. */
  entityCount: number;
  distribution: MlopsLevelDistribution;
  /** Median MLOps level of the ML entities. */
  median: number;
  /**
   * The MLOps checks failing most often among the ML entities, most failed
   * first (at most 10).
   */
  mostFailedChecks: FailingCheck[];
}

/**
 * A scope's check results in three bands: passing, waived (exempt, and
 * the data alone would not pass) and failing. An exempt check that passes
 * anyway is in `pass`; not applicable and insufficient data are in none.
 * @public
 */
export interface CheckBands {
  pass: number;
  waived: number;
  fail: number;
}

/**
 * A rollup's levels again, each entity at its levels without waivers.
 * @public
 */
export interface RollupLevelsWithoutWaivers {
  overall: LevelSummary;
  categories: Record<CategoryId, LevelSummary>;
  /** The heatmap rows, in the order of the rollup's `children`. */
  children: Array<{
    scopeRef: string;
    overallMedian: number | null;
    categoryMedians: Record<CategoryId, number | null>;
  }>;
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
  /**
   * The checks failing or waived most often, the highest sum of the two
   * first (at most 10). MLOps checks are in `mlops` only.
   */
  mostFailedChecks: FailingCheck[];
  /**
   * The scope's check results as passing, waived and failing. Absent in
   * rollups computed before it was added.
   */
  checkBands?: CheckBands;
  /**
   * The levels without waivers (an entity evaluated before they were kept
   * counts at its levels). Absent in rollups computed before it was added.
   */
  withoutWaivers?: RollupLevelsWithoutWaivers;
  movers: { improved: Mover[]; dropped: Mover[] };
  /**
   * The MLOps levels of the scope's ML entities. Absent when the scope has
   * none, and in rollups computed before it was added.
   */
  mlops?: MlopsRollup;
  /** For a group: itself and every descendant group. */
  groupRefs?: string[];
  /** For the org: the kinds of the scored entities, sorted, lowercase. */
  kinds?: string[];
  /**
   * What `children` holds: sub-groups (a group with sub-groups; the org's
   * root groups), a domain's systems, or, for a system and a group without
   * sub-groups, its own entities. Absent in rollups computed before it was
   * added, which hold sub-scopes only.
   */
  childKind?: RollupChildKind;
  /**
   * Rows of the scope's heatmap, for sub-scopes the medians of their
   * entities. Entity rows are the entity's own levels, lowest overall level
   * first, at most {@link ROLLUP_ENTITY_ROWS_LIMIT} of `entityCount`.
   */
  children: Array<{
    scopeRef: string;
    /** The entity's title, on entity rows. */
    title?: string;
    entityCount: number;
    overallMedian: number | null;
    categoryMedians: Record<CategoryId, number | null>;
  }>;
}

/** What the rows of a rollup's heatmap are. @public */
export type RollupChildKind = 'group' | 'system' | 'entity';

/**
 * Most entity rows a system's or leaf group's rollup carries; the member
 * list pages the rest.
 * @public
 */
export const ROLLUP_ENTITY_ROWS_LIMIT = 20;
