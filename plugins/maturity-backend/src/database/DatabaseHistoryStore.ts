import { Knex } from 'knex';
import { chunks } from './chunks';
import { BackfillGrid, HistoryStore } from './HistoryStore';
import { findHistoryGaps } from './operations/history/findHistoryGaps';
import { hasHistoryBefore } from './operations/history/hasHistoryBefore';
import { readHistory } from './operations/history/readHistory';
import { readHistoryAsOf } from './operations/history/readHistoryAsOf';
import { readHistoryStarts } from './operations/history/readHistoryStarts';
import { readLevelsAsOf } from './operations/history/readLevelsAsOf';
import {
  toHistoryPoint,
  upsertHistory,
} from './operations/history/upsertHistory';
import { utcDay } from './scorecardColumns';
import { EvaluationRecord } from './ScorecardStore';

// Rows per statement, well below both engines' bind-parameter limits.
const CHUNK_SIZE = 200;

/**
 * The daily scorecard history on the plugin's own database.
 * @internal
 */
export class DatabaseHistoryStore implements HistoryStore {
  constructor(
    private readonly db: Knex,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async saveHistory(records: EvaluationRecord[], day: Date) {
    const writtenAt = this.now();
    await this.db.transaction(async tx => {
      for (const batch of chunks(records, CHUNK_SIZE)) {
        await upsertHistory(
          tx,
          batch.map(record => toHistoryPoint(record)),
          utcDay(day),
          writtenAt,
        );
      }
    });
  }

  async findHistoryGaps(entityRefs: string[], grid: BackfillGrid) {
    return findHistoryGaps(this.db, entityRefs, grid);
  }

  hasHistoryBefore(day: Date) {
    return hasHistoryBefore(this.db, day);
  }

  getHistory(entityRef: string, from: Date, to: Date) {
    return readHistory(this.db, entityRef, from, to);
  }

  getHistoryAsOf(entityRef: string, day: Date) {
    return readHistoryAsOf(this.db, entityRef, day);
  }

  getHistoryStarts(entityRefs: string[]) {
    return readHistoryStarts(this.db, entityRefs);
  }

  getLevelsAsOf(day: Date) {
    return readLevelsAsOf(this.db, day);
  }
}
