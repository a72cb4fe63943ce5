import { MaturityLevel } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { Knex } from 'knex';
import { DAY_MS } from '../durations';
import { chunks } from './chunks';
import { BackfillGrid, HistoryStore } from './HistoryStore';
import { findHistoryGaps } from './operations/history/findHistoryGaps';
import { readHistoryStarts } from './operations/history/readHistoryStarts';
import { readLevelsAsOf } from './operations/history/readLevelsAsOf';
import { upsertHistory } from './operations/history/upsertHistory';
import {
  categoryLevelsOf,
  checkStatesOf,
  rawCategoryLevelsOf,
  utcDay,
} from './scorecardColumns';
import { EvaluationRecord, HistoryPoint } from './ScorecardStore';

// Rows per statement, well below both engines' bind-parameter limits.
const CHUNK_SIZE = 200;

function toHistoryPoint(row: Record<string, any>): HistoryPoint {
  return {
    day: new Date(Number(row.day) * DAY_MS).toISOString().slice(0, 10),
    overallLevel: Number(row.overall_level) as MaturityLevel,
    categoryLevels: categoryLevelsOf(row),
    // Points written before raw levels were kept had raw levels only.
    rawOverallLevel: Number(
      row.raw_overall_level ?? row.overall_level,
    ) as MaturityLevel,
    rawCategoryLevels: rawCategoryLevelsOf(row),
    deliveryBand: row.delivery_band ?? null,
    rubricVersion: row.rubric_version,
    checkStates: JSON.parse(row.check_states),
  };
}

/**
 * The daily scorecard history on the plugin's own database.
 * @internal
 */
export class DatabaseHistoryStore implements HistoryStore {
  constructor(private readonly db: Knex) {}

  async saveHistory(records: EvaluationRecord[], day: Date) {
    await this.db.transaction(async tx => {
      for (const batch of chunks(records, CHUNK_SIZE)) {
        await upsertHistory(
          tx,
          batch.map(record => ({
            ...record,
            checkStates: checkStatesOf(record.scorecard),
          })),
          utcDay(day),
        );
      }
    });
  }

  async findHistoryGaps(entityRefs: string[], grid: BackfillGrid) {
    return findHistoryGaps(this.db, entityRefs, grid);
  }

  async hasHistoryBefore(day: Date) {
    const row = await this.db('scorecard_history')
      .where('day', '<', utcDay(day))
      .first('day');
    return Boolean(row);
  }

  async getHistory(entityRef: string, from: Date, to: Date) {
    const rows = await this.db('scorecard_history')
      .where('entity_ref', entityRef)
      .where('day', '>=', utcDay(from))
      .where('day', '<=', utcDay(to))
      .orderBy('day', 'asc')
      .select();
    return rows.map(toHistoryPoint);
  }

  async getHistoryAsOf(entityRef: string, day: Date) {
    // The primary key (entity_ref, day) answers this with one index probe.
    const row = await this.db('scorecard_history')
      .where('entity_ref', entityRef)
      .where('day', '<=', utcDay(day))
      .orderBy('day', 'desc')
      .first();
    return row ? toHistoryPoint(row) : undefined;
  }

  getHistoryStarts(entityRefs: string[]) {
    return readHistoryStarts(this.db, entityRefs);
  }

  getLevelsAsOf(day: Date) {
    return readLevelsAsOf(this.db, day);
  }
}
