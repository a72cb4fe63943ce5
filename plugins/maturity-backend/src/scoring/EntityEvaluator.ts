import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  advisoryChecksOn,
  checkFingerprint,
  INCIDENT_SERVICE_ANNOTATIONS,
  Rubric,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { EventStore } from '../database/EventStore';
import { MetricsWindowReader } from '../database/MetricsWindowReader';
import { ExemptionStore } from '../database/ExemptionStore';
import { HistoryStore } from '../database/HistoryStore';
import { ScorecardResultStore } from '../database/ScorecardStore';
import { DAY_MS } from '../durations';
import { yieldToEventLoop } from '../database/yieldToEventLoop';
import { CatalogScope } from './CatalogScope';
import { EvaluationShard, inShard } from './EvaluationShard';
import { evaluateSubjects } from './evaluateSubjects';
import {
  EvaluationInputs,
  EvaluationWindow,
  readEvaluationInputs,
} from './readEvaluationInputs';
import { toEvaluationSubject } from './toEvaluationSubject';
import { holdLevels } from './holdLevels';
import {
  LevelChangeListener,
  noLevelChangeListener,
  SavedLevelsBatch,
} from './LevelChangeListener';
import { canonicalEntityRef } from '@maturity-for-backstage/backstage-plugin-maturity-node';

/**
 * Runs the evaluation's stages over batches of entities: read the catalog
 * scope → read the inputs → evaluate → save. A batch's reads start while
 * the previous batch is evaluated and saved (on PostgreSQL the two overlap
 * on the server's cores). Rollups are not its business: see RollupBuilder.
 */
export class EntityEvaluator {
  private readonly scope: CatalogScope;

  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      events: EventStore;
      metricsWindow: MetricsWindowReader;
      results: Pick<
        ScorecardResultStore,
        | 'saveEvaluations'
        | 'deleteGoneEvaluations'
        | 'readHeldLevels'
        | 'recordCheckVersions'
      >;
      history: Pick<
        HistoryStore,
        'saveHistory' | 'getHistoryStarts' | 'findHistoryGaps'
      >;
      exemptions: Pick<ExemptionStore, 'listExemptions'>;
      rubric: Rubric;
      windowDays: number;
      kinds: string[];
      /** spec.type values that are never deployed, e.g. `library`. */
      nonDeployableTypes: string[];
      batchSize: number;
      /**
       * Annotations mapping an entity to an incident tool: the common ones
       * (PagerDuty, Opsgenie) and those of installed incident sources.
       */
      incidentAnnotations?: string[];
      /** Told after entities were evaluated outside a full run. */
      onEvaluated?: () => void;
      /**
       * Distinct UTC days in a row a category must be found below its held
       * level before it drops. Default 3; 1 drops at once.
       */
      levelDropAfterDays?: number;
      /** Days a new or changed check is advisory. Default 14; 0: never. */
      advisoryDays?: number;
      /**
       * Told after each saved batch of the latest evaluation. Absent (or the
       * silent default, notifications off): the previous scorecards' check
       * states, which only tell newly failing checks, are not read.
       */
      levelChanges?: LevelChangeListener;
    },
  ) {
    this.scope = new CatalogScope(options);
  }

  get rubric(): Rubric {
    return this.options.rubric;
  }

  /**
   * Evaluates every entity in scope (of one shard, if given) and then drops
   * the results of the shard's entities gone from the catalog: only after
   * the whole run, so a run killed midway removes nothing and the next run
   * evaluates everything again.
   */
  async evaluateAll(
    now = new Date(),
    shard?: EvaluationShard,
    signal?: AbortSignal,
  ) {
    const { results, events } = this.options;
    await events.refreshPlannerStatistics();
    const inScope = await this.scope.entities();
    const current = new Set(inScope.map(entity => canonicalEntityRef(entity)));
    const entities = inScope.filter(entity => inShard(entity, shard));
    const evaluated = await this.evaluateEntities(entities, now, {
      mode: 'latest',
      signal,
    });
    const removed = await results.deleteGoneEvaluations(
      ref => !current.has(ref) && inShard(ref, shard),
      now,
    );
    this.options.logger.info(
      `Evaluated ${evaluated} entities${describeShard(
        shard,
      )}, removed ${removed} gone from the catalog`,
    );
    return { evaluated, removed };
  }

  /**
   * Fills the history of the last `days` days (one point every
   * `intervalDays`-th day, oldest first) by evaluating entities as of the
   * end of each such day from the stored raw events, wherever a point is
   * missing: a backfill cut short is completed by the next one, and an
   * entity new to the catalog gets its past. An entity's history starts on
   * the day of its first recorded event: a scorecard "as of" a day before
   * any activity would be invented (and would pass the history-length check
   * for an entity a week old), so earlier days are skipped and an entity
   * without events gets none. Latest scorecards are left alone.
   */
  async backfillHistory(
    days: number,
    now = new Date(),
    intervalDays = 1,
    shard?: EvaluationShard,
    signal?: AbortSignal,
  ) {
    const { logger, events, history } = this.options;
    const entities = (await this.scope.entities()).filter(entity =>
      inShard(entity, shard),
    );
    const byRef = new Map(
      entities.map(entity => [canonicalEntityRef(entity), entity]),
    );
    const today = Math.floor(now.getTime() / DAY_MS);
    const gaps = await history.findHistoryGaps([...byRef.keys()], {
      firstDay: today - days,
      endDay: today,
      intervalDays,
    });
    if (gaps.size === 0) return 0;
    await events.refreshPlannerStatistics();
    // Check versions are recorded as first seen today, not on a past day.
    const firstSeen = await this.checkFirstSeenDays(now);
    let points = 0;
    for (const day of [...gaps.keys()].sort((a, b) => a - b)) {
      const missing = gaps.get(day)!.map(ref => byRef.get(ref)!);
      const endOfDay = new Date((day + 1) * DAY_MS - 1);
      points += await this.evaluateEntities(missing, endOfDay, {
        mode: 'history',
        signal,
        firstSeen,
      });
    }
    logger.info(
      `Backfilled ${points} history points on ${gaps.size} days${describeShard(
        shard,
      )}`,
    );
    return points;
  }

  /**
   * Evaluates the given entities (those still in the catalog) and returns:
   * the rollups follow on their own (onEvaluated).
   */
  async evaluateRefs(entityRefs: string[], now = new Date()) {
    if (entityRefs.length === 0) return 0;
    const entities = await this.scope.entitiesByRefs(entityRefs);
    const evaluated = await this.evaluateEntities(entities, now);
    if (evaluated > 0) this.options.onEvaluated?.();
    return evaluated;
  }

  /**
   * The rubric's checks advisory on `now`'s day: new or changed too
   * recently to count in levels (see advisoryChecksOn).
   */
  async advisoryCheckIds(now = new Date()): Promise<Set<string>> {
    const advisory = advisoryChecksOn(
      await this.checkFirstSeenDays(now),
      Math.floor(now.getTime() / DAY_MS),
      this.options.advisoryDays ?? 14,
    );
    return new Set(Object.keys(advisory));
  }

  /**
   * When each of the rubric's checks (by its rule's fingerprint) was first
   * seen, recording those new on `now`'s day. Once recorded, a version's
   * first day never changes, and the rubric is fixed for the process: read
   * once, not on every queued run.
   */
  private checkFirstSeenDays(now: Date): Promise<Map<string, number>> {
    if (!this.firstSeen) {
      this.firstSeen = this.recordCheckVersions(now);
      // A failed read is tried again by the next run.
      this.firstSeen.catch(() => {
        this.firstSeen = undefined;
      });
    }
    return this.firstSeen;
  }

  private firstSeen?: Promise<Map<string, number>>;

  private recordCheckVersions(now: Date) {
    const { rubric, results } = this.options;
    const checks = [
      ...rubric.categories.flatMap(c => c.levels),
      ...rubric.mlops.levels,
    ]
      .flatMap(level => level.checks)
      .filter(check => check.enabled)
      .map(check => ({
        checkId: check.id,
        fingerprint: checkFingerprint(check),
      }));
    return results.recordCheckVersions(
      checks,
      Math.floor(now.getTime() / DAY_MS),
    );
  }

  private async evaluateEntities(
    entities: Entity[],
    now: Date,
    run: {
      mode: 'latest' | 'history';
      signal?: AbortSignal;
      /** Each check's first-seen day, when read already. */
      firstSeen?: Map<string, number>;
    } = { mode: 'latest' },
  ) {
    const { results, history, windowDays, batchSize } = this.options;
    const { mode, signal } = run;
    const levelChanges = this.options.levelChanges ?? noLevelChangeListener;
    // Holding needs the previous held levels; only a listener needs the
    // previous check states (newly failing checks), a document per entity.
    const listening = levelChanges !== noLevelChangeListener;
    const previousLevels = listening ? 'withCheckStates' : 'held';
    const firstSeen = run.firstSeen ?? (await this.checkFirstSeenDays(now));
    const advisoryChecks = advisoryChecksOn(
      firstSeen,
      Math.floor(now.getTime() / DAY_MS),
      this.options.advisoryDays ?? 14,
    );
    const systemDomains = await this.scope.systemDomains();
    const window: EvaluationWindow = {
      from: new Date(now.getTime() - windowDays * DAY_MS),
      to: now,
    };
    const readBatch = (
      start: number,
    ): Promise<EvaluationInputs> | undefined => {
      if (start >= entities.length) return undefined;
      const subjects = entities
        .slice(start, start + batchSize)
        .map(entity => toEvaluationSubject(entity, systemDomains));
      const reads = readEvaluationInputs(this.options, subjects, window, {
        incidentAnnotations:
          this.options.incidentAnnotations ?? INCIDENT_SERVICE_ANNOTATIONS,
        previousLevels: mode === 'latest' ? previousLevels : undefined,
      });
      // Awaited in the next round; until then a failure must not count as
      // unhandled.
      reads.catch(() => {});
      return reads;
    };

    let evaluated = 0;
    let pending = readBatch(0);
    for (let start = 0; pending; start += batchSize) {
      const inputs = await pending;
      pending = readBatch(start + batchSize);
      const records = evaluateSubjects(inputs, {
        ...this.options,
        now,
        advisoryChecks,
      });
      if (mode === 'latest') {
        const held = holdLevels(records, inputs.previousLevels, {
          dropAfterDays: this.options.levelDropAfterDays ?? 3,
          listening,
        });
        await results.saveEvaluations(held.records, now);
        if (listening) {
          await this.tellLevelChanges(levelChanges, {
            evaluatedAt: now,
            entities: held.entities,
            changes: held.changes,
          });
        }
      } else {
        // A backfilled day is not held: nothing of the days before it is
        // known in order, so its raw levels are its levels.
        await history.saveHistory(records, now);
      }
      evaluated += records.length;
      // SQLite calls are synchronous: let requests in between batches, or a
      // long run starves the backend (token checks time out as 401s).
      await yieldToEventLoop();
      // The scheduler gave up on the run (its timeout passed): stop, so a
      // replica that takes the task over does not run it alongside.
      signal?.throwIfAborted();
    }
    return evaluated;
  }

  /**
   * The batch is committed: a failing listener must not fail the run (its
   * results stand, and the next batches still need saving), so it is logged.
   */
  private async tellLevelChanges(
    listener: LevelChangeListener,
    batch: SavedLevelsBatch,
  ) {
    try {
      await listener.levelsSaved(batch);
    } catch (error) {
      this.options.logger.error(
        `A listener to level changes failed on a batch of ${batch.entities.length} entities; the evaluation goes on`,
        error instanceof Error ? error : new Error(String(error)),
      );
    }
  }
}

function describeShard(shard: EvaluationShard | undefined) {
  return shard ? ` (shard ${shard.index + 1} of ${shard.count})` : '';
}
