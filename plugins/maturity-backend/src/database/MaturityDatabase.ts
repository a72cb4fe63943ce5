import { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { CampaignStore } from './CampaignStore';
import { DatabaseCampaignStore } from './DatabaseCampaignStore';
import { DatabaseEventStore } from './DatabaseEventStore';
import { DatabaseMetricsWindowReader } from './DatabaseMetricsWindowReader';
import { DatabaseShardCompletions } from './DatabaseShardCompletions';
import { ShardCompletions } from './ShardCompletions';
import { DatabaseEvaluationQueue } from './DatabaseEvaluationQueue';
import { DatabaseExemptionExpiryNotices } from './DatabaseExemptionExpiryNotices';
import { DatabaseExemptionStore } from './DatabaseExemptionStore';
import { DatabaseHistoryStore } from './DatabaseHistoryStore';
import { DatabaseRollupStore } from './DatabaseRollupStore';
import { DatabaseRubricPreviewReader } from './DatabaseRubricPreviewReader';
import { DatabaseScorecardStore } from './DatabaseScorecardStore';
import { EvaluationQueue } from './EvaluationQueue';
import { EventStore } from './EventStore';
import { ExemptionExpiryNotices } from './ExemptionExpiryNotices';
import { ExemptionStore } from './ExemptionStore';
import { HistoryStore } from './HistoryStore';
import { RollupStore } from './RollupStore';
import { RubricPreviewReader } from './RubricPreviewReader';
import { migrateDatabase } from './migrateDatabase';
import { MetricsWindowReader } from './MetricsWindowReader';
import { backfillCommitLinks } from './operations/commitLinks/syncCommitLinks';
import { lacksCommitLinks } from './operations/commitLinks/lacksCommitLinks';
import { whileHoldingStartLock } from './operations/startup/whileHoldingStartLock';
import { ScorecardResultStore } from './ScorecardStore';

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
   * left for code to fill, and returns the stores. All of it runs under the
   * start-up lock, so any number of replicas may start at once on one
   * database: the first migrates, the others wait and find nothing to do.
   */
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
    /**
     * More start-up work that must not race between replicas, run under
     * the same lock after the migrations (the plugin creates the
     * scheduler's tables in this database here).
     */
    whileStarting?: () => Promise<void>;
  }): Promise<MaturityDatabase> {
    const client = await options.database.getClient();
    await whileHoldingStartLock(client, async () => {
      await migrateDatabase(client, options.database, options);
      // Events stored before the commit-link tables existed get their
      // links once.
      if (await lacksCommitLinks(client)) {
        await backfillCommitLinks(client);
      }
      await options.whileStarting?.();
    });
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
  /** Which exemptions' owners were told they expire soon. */
  readonly expiryNotices: ExemptionExpiryNotices;
  /** Entities whose events changed, waiting for evaluation. */
  readonly evaluationQueue: EvaluationQueue;
  /** When the full evaluation's shards completed. */
  readonly shardCompletions: ShardCompletions;
  /** Every entity's stored results, for rubric previews. */
  readonly rubricPreview: RubricPreviewReader;
  /** Campaigns, their computed days and in-scope entities. */
  readonly campaigns: CampaignStore;
  private constructor(client: Knex) {
    this.events = new DatabaseEventStore(client);
    this.metricsWindow = new DatabaseMetricsWindowReader(client);
    this.results = new DatabaseScorecardStore(client);
    this.history = new DatabaseHistoryStore(client);
    this.rollups = new DatabaseRollupStore(client);
    this.exemptions = new DatabaseExemptionStore(client);
    this.expiryNotices = new DatabaseExemptionExpiryNotices(client);
    this.evaluationQueue = new DatabaseEvaluationQueue(client);
    this.shardCompletions = new DatabaseShardCompletions(client);
    this.rubricPreview = new DatabaseRubricPreviewReader(client);
    this.campaigns = new DatabaseCampaignStore(client);
  }
}
