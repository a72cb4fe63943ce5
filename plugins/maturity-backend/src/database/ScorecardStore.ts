import {
  DoraBand,
  EntityMetrics,
  Exemption,
  MaturityLevel,
  Rollup,
  Scorecard,
  ScorecardHistoryPoint,
  ScorecardSummary,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';

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
}

/** One evaluated entity, as the evaluator hands it to the store. */
export interface EvaluationRecord {
  subject: ScorecardSubject;
  scorecard: Scorecard;
  metrics: EntityMetrics;
}

/** Filters and paging of the scorecard list. */
export interface ListScorecardsOptions {
  ownerRefs?: string[];
  systemRef?: string;
  domainRef?: string;
  kind?: string;
  lifecycle?: string;
  minLevel?: number;
  maxLevel?: number;
  search?: string;
  /** Only entities whose stored state of this check is `fail`. */
  failingCheck?: string;
  /** Only entities in this delivery band; `unknown`: without a band. */
  deliveryBand?: DoraBand | 'unknown';
  orderBy: 'entityRef' | 'overallLevel' | 'evaluatedAt';
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

/** One day of an entity's history. */
export type HistoryPoint = ScorecardHistoryPoint;

/** Where evaluation results live. */
export interface ScorecardStore {
  /** Writes latest scorecards, metrics and today's history in one transaction. */
  saveEvaluations(records: EvaluationRecord[], now: Date): Promise<void>;
  /** Writes only the history point of `day` (a past evaluation "as of" it). */
  saveHistory(records: EvaluationRecord[], day: Date): Promise<void>;
  /** Whether any history exists before the given day. */
  hasHistoryBefore(day: Date): Promise<boolean>;
  /** Removes results of entities not evaluated since `before` (gone from the catalog). */
  deleteEvaluatedBefore(before: Date): Promise<number>;

  getScorecard(entityRef: string): Promise<Scorecard | undefined>;
  getMetrics(entityRef: string): Promise<EntityMetrics | undefined>;
  listScorecards(
    options: ListScorecardsOptions,
  ): Promise<{ items: ScorecardSummary[]; totalCount: number }>;
  /** Every scorecard's compact row, for rollups. */
  listAllSummaries(): Promise<ScorecardSummary[]>;
  getHistory(entityRef: string, from: Date, to: Date): Promise<HistoryPoint[]>;
  /**
   * The entity's scorecard as it stood on a UTC day: that day's point, else
   * the latest before it (history may be sparse: a backfill interval, days
   * the backend was down).
   */
  getHistoryAsOf(
    entityRef: string,
    day: Date,
  ): Promise<HistoryPoint | undefined>;
  /** The first day with history, per entity, for the history-length check. */
  getHistoryStarts(entityRefs: string[]): Promise<Map<string, Date>>;
  /** Each entity's overall level as of a UTC day (its latest point then), for movers. */
  getLevelsAsOf(day: Date): Promise<Map<string, MaturityLevel>>;

  replaceRollups(rollups: Rollup[]): Promise<void>;
  getRollup(scopeRef: string): Promise<Rollup | undefined>;

  createExemption(exemption: Exemption): Promise<void>;
  listExemptions(entityRefs: string[]): Promise<Exemption[]>;
  getExemption(id: string): Promise<Exemption | undefined>;
  revokeExemption(id: string, at: Date): Promise<boolean>;

  /** Marks entities for evaluation by the next run. */
  enqueueEvaluation(entityRefs: string[], at: Date): Promise<void>;
  /** Takes up to `limit` queued entities off the queue. */
  takeQueuedEvaluations(limit: number): Promise<string[]>;
}
