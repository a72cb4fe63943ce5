import { Knex } from 'knex';
import { RubricCheckDefinitions } from './RubricCheckDefinitions';
import { fromStoredScorecard } from './storedScorecard';
import {
  EvaluationRecord,
  ListScorecardsOptions,
  ScorecardResultStore,
} from './ScorecardStore';
import { writeEvaluations } from './operations/scorecards/writeEvaluations';
import { deleteEvaluatedBefore } from './operations/scorecards/deleteEvaluatedBefore';
import { deleteGoneEvaluations } from './operations/scorecards/deleteGoneEvaluations';
import { readMetrics } from './operations/scorecards/readMetrics';
import { readScorecard } from './operations/scorecards/readScorecard';
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

/**
 * The latest scorecards and metrics on the plugin's own database.
 * @internal
 */
export class DatabaseScorecardStore implements ScorecardResultStore {
  private readonly checkDefinitions: RubricCheckDefinitions;

  constructor(
    private readonly db: Knex,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.checkDefinitions = new RubricCheckDefinitions(db);
  }

  saveEvaluations(records: EvaluationRecord[], now: Date) {
    return writeEvaluations(
      this.db,
      this.checkDefinitions,
      records,
      now,
      this.clock(),
    );
  }

  deleteGoneEvaluations(isGone: (entityRef: string) => boolean, before: Date) {
    return deleteGoneEvaluations(this.db, isGone, before);
  }

  deleteEvaluatedBefore(before: Date) {
    return deleteEvaluatedBefore(this.db, before);
  }

  readHeldLevels(entityRefs: string[], options: { checkStates: boolean }) {
    return readHeldLevels(this.db, entityRefs, options);
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

  getScorecard(entityRef: string) {
    return readScorecard(this.db, this.checkDefinitions, entityRef);
  }

  getMetrics(entityRef: string) {
    return readMetrics(this.db, entityRef);
  }

  listScorecards(options: ListScorecardsOptions) {
    return listScorecards(this.db, options);
  }

  listAllSummaries() {
    return listAllSummaries(this.db);
  }
}
