import { Knex } from 'knex';
import { chunks } from './chunks';
import { RubricCheckDefinitions } from './RubricCheckDefinitions';
import { fromStoredScorecard, StoredScorecard } from './storedScorecard';
import { fromStoredMetrics, StoredEntityMetrics } from './storedMetrics';
import {
  EvaluationRecord,
  ListScorecardsOptions,
  ScorecardResultStore,
} from './ScorecardStore';
import { writeEvaluations } from './operations/scorecards/writeEvaluations';
import {
  listAllSummaries,
  listScorecards,
} from './operations/scorecards/listScorecards';
import { readHeldLevels } from './operations/scorecards/readHeldLevels';
import {
  AtRiskScope,
  readAtRiskDocuments,
} from './operations/scorecards/readAtRiskDocuments';
import {
  CheckVersion,
  recordCheckVersions,
} from './operations/checkVersions/recordCheckVersions';

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

  saveEvaluations(records: EvaluationRecord[], now: Date) {
    return writeEvaluations(this.db, this.checkDefinitions, records, now);
  }

  async deleteGoneEvaluations(
    isGone: (entityRef: string) => boolean,
    before: Date,
  ): Promise<number> {
    const stored = await this.db('scorecards')
      .where('evaluated_at', '<', before.getTime())
      .select('entity_ref');
    const gone = stored
      .map(row => row.entity_ref as string)
      .filter(ref => isGone(ref));
    let removed = 0;
    for (const batch of chunks(gone, CHUNK_SIZE)) {
      removed += await this.db.transaction(async tx => {
        await tx('entity_metrics').whereIn('entity_ref', batch).delete();
        await tx('evaluation_queue').whereIn('entity_ref', batch).delete();
        return Number(
          await tx('scorecards')
            .whereIn('entity_ref', batch)
            .where('evaluated_at', '<', before.getTime())
            .delete(),
        );
      });
    }
    return removed;
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

  readHeldLevels(entityRefs: string[]) {
    return readHeldLevels(this.db, entityRefs);
  }

  recordCheckVersions(checks: CheckVersion[], today: number) {
    return recordCheckVersions(this.db, checks, today);
  }

  async listAtRisk(scope: AtRiskScope) {
    const documents = await readAtRiskDocuments(this.db, scope);
    const scorecards = [];
    for (const document of documents) {
      // Cached per rubric version: one read per version at most.
      const definitions = await this.checkDefinitions.lookup(
        document.rubricVersion,
        document.checks,
      );
      scorecards.push(fromStoredScorecard(document, id => definitions.get(id)));
    }
    return scorecards;
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
