import { MaturityLevel } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { EvaluationRecord, HistoryPoint } from './ScorecardStore';

/**
 * The backfill's grid: one point every `intervalDays` days from `firstDay`
 * (days since 1970-01-01 UTC) up to, not including, `endDay`. A grid day is
 * covered for an entity when it has any point from that day up to the next
 * grid day, so a grid that moves on with today stays covered by the points
 * already written.
 */
export interface BackfillGrid {
  firstDay: number;
  endDay: number;
  intervalDays: number;
}

/** The daily history of every entity's scorecard. */
export interface HistoryStore {
  /** Writes only the history point of `day` (a past evaluation "as of" it). */
  saveHistory(records: EvaluationRecord[], day: Date): Promise<void>;
  /**
   * The grid days on which some of the given entities have no history
   * point (days since 1970-01-01 UTC), each with those entities: what a
   * backfill still has to compute. An entity is due points from the UTC day
   * of its first recorded event on; one without events has no gaps.
   */
  findHistoryGaps(
    entityRefs: string[],
    grid: BackfillGrid,
  ): Promise<Map<number, string[]>>;
  /** Whether any history exists before the given day. */
  hasHistoryBefore(day: Date): Promise<boolean>;
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
  /**
   * Each entity's raw overall level as of a UTC day (its latest point
   * then), for movers: backfilled points have raw levels only.
   */
  getLevelsAsOf(day: Date): Promise<Map<string, MaturityLevel>>;
}
