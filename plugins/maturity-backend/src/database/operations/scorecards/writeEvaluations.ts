import { Knex } from 'knex';
import { chunks } from '../../chunks';
import { RubricCheckDefinitions } from '../../RubricCheckDefinitions';
import { levelsOf, tagsOf, utcDay } from '../../scorecardColumns';
import { heldStateOf, toHeldLevelsColumn } from '../../heldLevelsColumn';
import { EvaluationRecord } from '../../ScorecardStore';
import { toStoredMetrics } from '../../storedMetrics';
import { CheckDefinition, toStoredScorecard } from '../../storedScorecard';
import { toHistoryPoint, upsertHistory } from '../history/upsertHistory';

// Rows per statement, well below both engines' bind-parameter limits.
const CHUNK_SIZE = 200;

/**
 * Writes the latest scorecards, their metrics and the day's history point
 * in one transaction; each check's definition once per rubric version
 * (scorecards keep only its id and result). `now` is the evaluation's
 * time; `writtenAt`, the wall-clock time of the write, stamps the history
 * points (campaigns look for points written after they read a day, and a
 * long run's batches are written well after its start).
 */
export async function writeEvaluations(
  db: Knex,
  checkDefinitions: RubricCheckDefinitions,
  records: EvaluationRecord[],
  now: Date,
  writtenAt: Date = now,
): Promise<void> {
  const evaluatedAt = now.getTime();
  const day = utcDay(now);
  // Check definitions once per rubric version and check, not per record.
  const definitions = new Map<string, Map<string, CheckDefinition>>();
  const rows = records.map(record => {
    const { rubricVersion } = record.scorecard;
    let version = definitions.get(rubricVersion);
    if (!version) {
      version = new Map();
      definitions.set(rubricVersion, version);
    }
    const known = version;
    const stored = toStoredScorecard(record.scorecard, id => known.has(id));
    for (const [checkId, definition] of stored.definitions) {
      version.set(checkId, definition);
    }
    return { ...toHistoryPoint(record), stored };
  });
  // Before the save, in their own transaction: see RubricCheckDefinitions.
  for (const [version, checks] of definitions) {
    await checkDefinitions.store(version, checks);
  }
  await db.transaction(async tx => {
    for (const batch of chunks(rows, CHUNK_SIZE)) {
      const scorecards = batch.map(
        ({
          subject,
          scorecard,
          stored,
          checkStates,
          withoutWaivers,
          held,
        }) => ({
          entity_ref: subject.entityRef,
          kind: subject.kind,
          type: subject.type ?? null,
          lifecycle: subject.lifecycle ?? null,
          owner_ref: subject.ownerRef ?? null,
          system_ref: subject.systemRef ?? null,
          domain_ref: subject.domainRef ?? null,
          title: subject.title ?? null,
          tags: tagsOf(subject),
          overall_level: scorecard.overallLevel,
          ...levelsOf(scorecard),
          delivery_band: scorecard.delivery.overallBand,
          imbalanced: scorecard.imbalanced,
          mlops_level: scorecard.mlops?.level ?? null,
          rubric_version: scorecard.rubricVersion,
          evaluated_at: evaluatedAt,
          document: JSON.stringify(stored.document),
          check_states: checkStates,
          held_levels: toHeldLevelsColumn(held ?? heldStateOf(scorecard)),
          ...withoutWaivers,
        }),
      );
      await tx('scorecards')
        .insert(scorecards)
        .onConflict('entity_ref')
        .merge();

      await tx('entity_metrics')
        .insert(
          batch.map(({ subject, metrics, inputs }) => ({
            entity_ref: subject.entityRef,
            window_from: Date.parse(metrics.from),
            window_to: Date.parse(metrics.to),
            evaluated_at: evaluatedAt,
            document: JSON.stringify(toStoredMetrics(metrics)),
            rubric_inputs: inputs ? JSON.stringify(inputs) : null,
          })),
        )
        .onConflict('entity_ref')
        .merge();

      // The day's snapshot is the day's latest evaluation.
      await upsertHistory(tx, batch, day, writtenAt);
    }
  });
}
