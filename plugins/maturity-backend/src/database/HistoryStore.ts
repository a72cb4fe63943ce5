import { MaturityLevel } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { EvaluationRecord, HistoryPoint } from './ScorecardStore';

/** The daily history of every entity's scorecard. */
export interface HistoryStore {
  /** Writes only the history point of `day` (a past evaluation "as of" it). */
  saveHistory(records: EvaluationRecord[], day: Date): Promise<void>;
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
  /** Each entity's overall level as of a UTC day (its latest point then), for movers. */
  getLevelsAsOf(day: Date): Promise<Map<string, MaturityLevel>>;
}
