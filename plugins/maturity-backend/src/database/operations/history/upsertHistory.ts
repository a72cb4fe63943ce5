import { Knex } from 'knex';
import { checkStatesOf, levelsOf, rawLevelsOf } from '../../scorecardColumns';
import { EvaluationRecord } from '../../ScorecardStore';
import {
  LevelsWithoutWaiversColumns,
  levelsWithoutWaiversOf,
} from '../../levelsWithoutWaiversColumns';

/**
 * An evaluation with the columns its history point shares with its latest
 * scorecard's row, computed once for both.
 */
export type HistoryPoint = EvaluationRecord & {
  checkStates: string;
  withoutWaivers: LevelsWithoutWaiversColumns;
};

/** An evaluation's history point. */
export function toHistoryPoint(record: EvaluationRecord): HistoryPoint {
  return {
    ...record,
    checkStates: checkStatesOf(record.scorecard),
    withoutWaivers: levelsWithoutWaiversOf(record.scorecard),
  };
}

/**
 * Writes the history point of `day` for each record, replacing one written
 * earlier that day: the day's snapshot is its latest evaluation, its held
 * levels and its raw ones, its levels without waivers and its MLOps level
 * (null when the track does not apply), which campaigns read for past days,
 * and when it was written (`writtenAt`), so a campaign's days computed
 * before a point of their past landed are computed again. One statement;
 * callers keep the batch within the bind-parameter limits.
 */
export async function upsertHistory(
  tx: Knex | Knex.Transaction,
  records: HistoryPoint[],
  day: number,
  writtenAt: Date,
): Promise<void> {
  await tx('scorecard_history')
    .insert(
      records.map(({ subject, scorecard, checkStates, withoutWaivers }) => ({
        entity_ref: subject.entityRef,
        day,
        overall_level: scorecard.overallLevel,
        ...levelsOf(scorecard),
        ...rawLevelsOf(scorecard),
        delivery_band: scorecard.delivery.overallBand,
        rubric_version: scorecard.rubricVersion,
        check_states: checkStates,
        mlops_level: scorecard.mlops?.level ?? null,
        ...withoutWaivers,
        written_at: writtenAt.getTime(),
      })),
    )
    .onConflict(['entity_ref', 'day'])
    .merge();
}
