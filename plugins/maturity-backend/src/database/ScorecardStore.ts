import {
  CategoryId,
  CheckState,
  DoraBand,
  HeldCategoryState,
  HeldLevelsState,
  EntityMetrics,
  Scorecard,
  ScorecardHistoryPoint,
  ScorecardSummary,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';

import { RubricInputs } from './RubricInputs';

// The rows the store returns are the API's wire types, generated from the spec.
export type { ScorecardSummary };

/** Catalog facts stored beside a scorecard for filtering and rollups. */
export interface ScorecardSubject {
  entityRef: string;
  kind: string;
  type?: string;
  lifecycle?: string;
  ownerRef?: string;
  systemRef?: string;
  domainRef?: string;
  title?: string;
  /** The entity's catalog tags (`metadata.tags`). */
  tags?: string[];
}

/** One evaluated entity, as the evaluator hands it to the store. */
export interface EvaluationRecord {
  subject: ScorecardSubject;
  scorecard: Scorecard;
  metrics: EntityMetrics;
  /**
   * The held state to remember (see applyHeldLevels); absent when the
   * scorecard was not held: its own levels are then held as they are.
   */
  held?: Record<CategoryId, HeldCategoryState>;
  /** What else the evaluation read, kept for rubric previews. */
  inputs?: RubricInputs;
}

/** What an entity's latest scorecard held, read before evaluating it again. */
export interface PreviousLevels {
  /** Absent on a scorecard written before levels were held. */
  held?: HeldLevelsState;
  /**
   * Each check's state, to tell newly failing checks; absent when not read
   * (nobody listens to level changes).
   */
  checkStates?: Record<string, CheckState>;
}

/** Filters and paging of the scorecard list. */
export interface ListScorecardsOptions {
  ownerRefs?: string[];
  systemRef?: string;
  domainRef?: string;
  kind?: string;
  lifecycle?: string;
  /** The entity's `spec.type`. */
  type?: string;
  /** A catalog tag the entity carries. */
  tag?: string;
  minLevel?: number;
  maxLevel?: number;
  /** Only ML entities (with an MLOps level) at this level or above. */
  minMlopsLevel?: number;
  /** Only ML entities at this MLOps level or below. */
  maxMlopsLevel?: number;
  search?: string;
  /** Only entities whose stored state of this check is `fail`. */
  failingCheck?: string;
  /**
   * Only entities where this check is met only through its exemption
   * (exempt, and its data alone would not pass).
   */
  waivedCheck?: string;
  /** Only entities in this delivery band; `unknown`: without a band. */
  deliveryBand?: DoraBand | 'unknown';
  /**
   * Which overall level `minLevel`, `maxLevel` and the order by
   * `overallLevel` read; `withoutWaivers`: the level without waivers, which
   * entities evaluated before it was kept lack (they match no bound and
   * come last in either order). Default `asScored`.
   */
  levels?: 'asScored' | 'withoutWaivers';
  /** By `mlopsLevel`, entities without one come last in either order. */
  orderBy: 'entityRef' | 'overallLevel' | 'evaluatedAt' | 'mlopsLevel';
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

/** One day of an entity's history. */
export type HistoryPoint = ScorecardHistoryPoint;

/** The latest scorecards and metrics. */
export interface ScorecardResultStore {
  /** Writes latest scorecards, metrics and today's history in one transaction. */
  saveEvaluations(records: EvaluationRecord[], now: Date): Promise<void>;
  /** Removes results of entities not evaluated since `before` (gone from the catalog). */
  deleteEvaluatedBefore(before: Date): Promise<number>;
  /**
   * Removes the results of entities gone from the catalog: those of
   * `keep(entityRef)` false that were not evaluated since `before` (an
   * entity evaluated meanwhile is back in the catalog). A shard of the full
   * evaluation removes only its own entities.
   */
  deleteGoneEvaluations(
    isGone: (entityRef: string) => boolean,
    before: Date,
  ): Promise<number>;

  /**
   * What the latest scorecards of the entities held, by entity ref, with
   * their check states only when asked for.
   */
  readHeldLevels(
    entityRefs: string[],
    options: { checkStates: boolean },
  ): Promise<Map<string, PreviousLevels>>;
  /**
   * Records the versions (rule fingerprints) of the rubric's checks, those
   * not seen before as first seen on `today` (days since 1970-01-01 UTC),
   * and returns the day each check's version was first seen.
   */
  recordCheckVersions(
    checks: Array<{ checkId: string; fingerprint: string }>,
    today: number,
  ): Promise<Map<string, number>>;

  /**
   * The scorecards with a category at risk (held above its raw level): of
   * one entity, or of the entities a group owns directly, by entity ref.
   */
  listAtRisk(
    scope: { entityRef: string } | { ownerRef: string },
  ): Promise<Scorecard[]>;

  getScorecard(entityRef: string): Promise<Scorecard | undefined>;
  getMetrics(entityRef: string): Promise<EntityMetrics | undefined>;
  listScorecards(
    options: ListScorecardsOptions,
  ): Promise<{ items: ScorecardSummary[]; totalCount: number }>;
  /** Every scorecard's compact row, for rollups. */
  listAllSummaries(): Promise<ScorecardSummary[]>;
}
