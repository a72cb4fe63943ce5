import { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { DatabaseEventStore } from './DatabaseEventStore';
import { DatabaseMetricsWindowReader } from './DatabaseMetricsWindowReader';
import { DatabaseEvaluationQueue } from './DatabaseEvaluationQueue';
import { DatabaseExemptionStore } from './DatabaseExemptionStore';
import { DatabaseHistoryStore } from './DatabaseHistoryStore';
import { DatabaseRollupStore } from './DatabaseRollupStore';
import { DatabaseScorecardStore } from './DatabaseScorecardStore';
import { EvaluationQueue } from './EvaluationQueue';
import { EventStore } from './EventStore';
import { ExemptionStore } from './ExemptionStore';
import { HistoryStore } from './HistoryStore';
import { RollupStore } from './RollupStore';
import { migrateDatabase } from './migrateDatabase';
import { MetricsWindowReader } from './MetricsWindowReader';
import { backfillCommitLinks } from './operations/commitLinks/syncCommitLinks';
import { ScorecardResultStore, ScorecardStore } from './ScorecardStore';

/**
 * The plugin's database: migrated once when created, it hands out the
 * small interfaces the rest of the plugin works through. The only place
 * that holds the knex client.
 *
 * @internal
 */
export class MaturityDatabase {
  /**
   * Migrates the database to the latest schema (unless the deployment
   * manages migrations itself, `migrations.skip`), fills what a migration
   * left for code to fill, and returns the stores.
   */
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<MaturityDatabase> {
    const client = await migrateDatabase(options.database, options);
    // Events stored before the commit-link tables existed get their links once.
    const [links, deployments] = await Promise.all([
      client('deployment_commits').first('deployment_id'),
      client('deployments').whereNotNull('commit_sha').first('id'),
    ]);
    if (!links && deployments) {
      await backfillCommitLinks(client);
    }
    return new MaturityDatabase(client);
  }

  /** Raw events: ingest, pages, facts, sync cursors. */
  readonly events: EventStore;
  /** The rows a batch's metrics are computed from. */
  readonly metricsWindow: MetricsWindowReader;
  /** The latest scorecards and metrics. */
  readonly results: ScorecardResultStore;
  /** The daily history of every scorecard. */
  readonly history: HistoryStore;
  /** Rollups per group, system, domain and the organisation. */
  readonly rollups: RollupStore;
  /** Exemptions from checks. */
  readonly exemptions: ExemptionStore;
  /** Entities whose events changed, waiting for evaluation. */
  readonly evaluationQueue: EvaluationQueue;
  /**
   * All five stores of evaluation results in one, for the routes and
   * actions until they take the small ones.
   */
  readonly scorecards: ScorecardStore;

  private constructor(client: Knex) {
    this.events = new DatabaseEventStore(client);
    this.metricsWindow = new DatabaseMetricsWindowReader(client);
    this.results = new DatabaseScorecardStore(client);
    this.history = new DatabaseHistoryStore(client);
    this.rollups = new DatabaseRollupStore(client);
    this.exemptions = new DatabaseExemptionStore(client);
    this.evaluationQueue = new DatabaseEvaluationQueue(client);
    this.scorecards = scorecardStoreOf(this);
  }
}

function scorecardStoreOf(stores: MaturityDatabase): ScorecardStore {
  const { results, history, rollups, exemptions, evaluationQueue } = stores;
  return {
    saveEvaluations: (records, now) => results.saveEvaluations(records, now),
    deleteEvaluatedBefore: before => results.deleteEvaluatedBefore(before),
    getScorecard: ref => results.getScorecard(ref),
    getMetrics: ref => results.getMetrics(ref),
    listScorecards: options => results.listScorecards(options),
    listAllSummaries: () => results.listAllSummaries(),
    saveHistory: (records, day) => history.saveHistory(records, day),
    hasHistoryBefore: day => history.hasHistoryBefore(day),
    getHistory: (ref, from, to) => history.getHistory(ref, from, to),
    getHistoryAsOf: (ref, day) => history.getHistoryAsOf(ref, day),
    getHistoryStarts: refs => history.getHistoryStarts(refs),
    getLevelsAsOf: day => history.getLevelsAsOf(day),
    replaceRollups: list => rollups.replaceRollups(list),
    getRollup: scopeRef => rollups.getRollup(scopeRef),
    createExemption: exemption => exemptions.createExemption(exemption),
    listExemptions: refs => exemptions.listExemptions(refs),
    getExemption: id => exemptions.getExemption(id),
    revokeExemption: (id, at) => exemptions.revokeExemption(id, at),
    enqueueEvaluation: (refs, at) =>
      evaluationQueue.enqueueEvaluation(refs, at),
    takeQueuedEvaluations: limit =>
      evaluationQueue.takeQueuedEvaluations(limit),
  };
}
