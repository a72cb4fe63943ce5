import { Knex } from 'knex';
import { levelsOf, rawLevelsOf } from '../../scorecardColumns';
import { EvaluationRecord } from '../../ScorecardStore';
import { levelsWithoutWaiversOf } from '../../levelsWithoutWaiversColumns';

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
  records: Array<EvaluationRecord & { checkStates: string }>,
  day: number,
  writtenAt: Date,
): Promise<void> {
  await tx('scorecard_history')
    .insert(
      records.map(({ subject, scorecard, checkStates }) => ({
        entity_ref: subject.entityRef,
        day,
        overall_level: scorecard.overallLevel,
        ...levelsOf(scorecard),
        ...rawLevelsOf(scorecard),
        delivery_band: scorecard.delivery.overallBand,
        rubric_version: scorecard.rubricVersion,
        check_states: checkStates,
        mlops_level: scorecard.mlops?.level ?? null,
        ...levelsWithoutWaiversOf(scorecard),
        written_at: writtenAt.getTime(),
      })),
    )
    .onConflict(['entity_ref', 'day'])
    .merge();
}
