import { Knex } from 'knex';
import { RubricCheckDefinitions } from './RubricCheckDefinitions';
import {
  CheckDefinition,
  fromStoredScorecard,
  StoredScorecard,
  toStoredScorecard,
} from './storedScorecard';
import {
  fromStoredMetrics,
  StoredEntityMetrics,
  toStoredMetrics,
} from './storedMetrics';
import {
  EvaluationRecord,
  ListScorecardsOptions,
  ScorecardResultStore,
} from './ScorecardStore';
import { checkStatesOf, levelsOf, utcDay } from './scorecardColumns';
import { upsertHistory } from './operations/history/upsertHistory';
import { chunks } from './chunks';
import {
  listAllSummaries,
  listScorecards,
} from './operations/scorecards/listScorecards';

// Rows per statement, well below both engines' bind-parameter limits.
const CHUNK_SIZE = 200;

/**
 * The latest scorecards and metrics on the plugin's own database.
 * @internal
 */
export class DatabaseScorecardStore implements ScorecardResultStore {
  private readonly checkDefinitions: RubricCheckDefinitions;

  constructor(private readonly db: Knex) {
    this.checkDefinitions = new RubricCheckDefinitions(db);
  }

  async saveEvaluations(records: EvaluationRecord[], now: Date) {
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
      return {
        ...record,
        stored,
        checkStates: checkStatesOf(record.scorecard),
      };
    });
    const written = await this.db.transaction(async tx => {
      const fresh = new Map<string, Map<string, CheckDefinition>>();
      for (const [version, checks] of definitions) {
        fresh.set(
          version,
          await this.checkDefinitions.write(tx, version, checks),
        );
      }
      for (const batch of chunks(rows, CHUNK_SIZE)) {
        const scorecards = batch.map(
          ({ subject, scorecard, stored, checkStates }) => ({
            entity_ref: subject.entityRef,
            kind: subject.kind,
            type: subject.type ?? null,
            lifecycle: subject.lifecycle ?? null,
            owner_ref: subject.ownerRef ?? null,
            system_ref: subject.systemRef ?? null,
            domain_ref: subject.domainRef ?? null,
            title: subject.title ?? null,
            overall_level: scorecard.overallLevel,
            ...levelsOf(scorecard),
            delivery_band: scorecard.delivery.overallBand,
            imbalanced: scorecard.imbalanced,
            mlops_level: scorecard.mlops?.level ?? null,
            rubric_version: scorecard.rubricVersion,
            evaluated_at: evaluatedAt,
            document: JSON.stringify(stored.document),
            check_states: checkStates,
          }),
        );
        await tx('scorecards')
          .insert(scorecards)
          .onConflict('entity_ref')
          .merge();

        await tx('entity_metrics')
          .insert(
            batch.map(({ subject, metrics }) => ({
              entity_ref: subject.entityRef,
              window_from: Date.parse(metrics.from),
              window_to: Date.parse(metrics.to),
              evaluated_at: evaluatedAt,
              document: JSON.stringify(toStoredMetrics(metrics)),
            })),
          )
          .onConflict('entity_ref')
          .merge();

        // The day's snapshot is the day's latest evaluation.
        await upsertHistory(tx, batch, day);
      }
      return fresh;
    });
    for (const [version, checks] of written) {
      this.checkDefinitions.remember(version, checks);
    }
  }

  async deleteEvaluatedBefore(before: Date): Promise<number> {
    const stale = this.db('scorecards')
      .where('evaluated_at', '<', before.getTime())
      .select('entity_ref');
    return this.db.transaction(async tx => {
      await tx('entity_metrics').whereIn('entity_ref', stale.clone()).delete();
      await tx('evaluation_queue')
        .whereIn('entity_ref', stale.clone())
        .delete();
      return Number(
        await tx('scorecards')
          .where('evaluated_at', '<', before.getTime())
          .delete(),
      );
    });
  }

  async getScorecard(entityRef: string) {
    const row = await this.db('scorecards')
      .where('entity_ref', entityRef)
      .first('document');
    if (!row) return undefined;
    const document = JSON.parse(row.document) as StoredScorecard;
    const definitions = await this.checkDefinitions.lookup(
      document.rubricVersion,
      document.checks,
    );
    return fromStoredScorecard(document, id => definitions.get(id));
  }

  async getMetrics(entityRef: string) {
    const row = await this.db('entity_metrics')
      .where('entity_ref', entityRef)
      .first('document');
    return row
      ? fromStoredMetrics(JSON.parse(row.document) as StoredEntityMetrics)
      : undefined;
  }

  listScorecards(options: ListScorecardsOptions) {
    return listScorecards(this.db, options);
  }

  listAllSummaries() {
    return listAllSummaries(this.db);
  }
}
