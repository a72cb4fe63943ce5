import { ConfigReader } from '@backstage/config';
import {
  IngestResult,
  MATURITY_EVENT_TYPES,
  MaturityEvent,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { performance } from 'node:perf_hooks';
import { setImmediate as nextTick } from 'node:timers/promises';
import fs from 'node:fs';
import { EventStore } from '../src/database/EventStore';
import { MaturityDatabase } from '../src/database/MaturityDatabase';
import { RollupBuilder } from '../src/rollups/RollupBuilder';
import { CatalogScope } from '../src/scoring/CatalogScope';
import { eventTables } from '../src/database/eventTables';
import {
  DemoEntity,
  generateDemoActivity,
  SeededRandom,
} from '@maturity-for-backstage/backstage-plugin-maturity-backend-module-demo';
import { EntityEvaluator } from '../src/scoring/EntityEvaluator';
import { readEvaluationConfig } from '../src/scoring/readEvaluationConfig';
import { BenchCatalog } from './benchCatalog';
import { BenchDatabase } from './benchDatabases';
import {
  createBenchAuthService,
  createBenchCatalogService,
  createBenchLogger,
} from './benchServices';
import { EvaluationBreakdown, EvaluationTimeline } from './EvaluationTimeline';
import { measureHttpReads } from './httpReads';
import { LatencyStats, measureLatency, percentile } from './latencyStats';
import { MemorySampler } from './MemorySampler';
import { QueryLog, StatementTotal } from './QueryLog';
import { seedEvents } from './seedEvents';
import { measureRubricPreviews, RubricPreviewTiming } from './rubricPreviews';
import { withCpuProfile } from './cpuProfile';
import { CpuClock, CpuTime } from './CpuClock';
import {
  clearEvaluationResults,
  dropAllTables,
  readKeptDataset,
  rememberKeptDataset,
} from './keptDataset';
import { canonicalEntityRef } from '@maturity-for-backstage/backstage-plugin-maturity-node';
import { DAY_MS } from '../src/durations';

const INGEST_BATCH = 1000;
const SEED_BATCH = 5000;
/** Seed flushes between two `analyze` runs on PostgreSQL. */
const ANALYZE_EVERY = 20;
const REPLAYS = 5;
/** Sequential calls of each rollup and list read. */
const SINGLE_READS = 200;

/** What one engine's run is asked to do. */
export interface EngineRunOptions {
  catalog: BenchCatalog;
  now: Date;
  /** Events written through `EventStore.ingest`; Infinity for all of them. */
  ingestEvents: number;
  scorecardReads: number;
  readers: number;
  /** Full evaluations in a row: the first creates, later ones update. */
  evaluations: number;
  http: boolean;
  verbose: boolean;
  /** Statement shapes listed per evaluation run. */
  statements: number;
  /** Where to write a CPU profile of each evaluation run, if anywhere. */
  cpuProfileDirectory?: string;
  progress: (message: string) => void;
}

/** One evaluateAll run. */
export interface EvaluationRun {
  ms: number;
  evaluated: number;
  breakdown: EvaluationBreakdown;
  cpu: CpuTime;
  topStatements: StatementTotal[];
}

/** Everything measured on one engine. */
export interface EngineResult {
  engine: string;
  version: string;
  dataset: {
    components: number;
    connectedComponents: number;
    events: number;
    eventsByType: Record<string, number>;
    eventsInWindow: number;
    seededEvents: number;
    seedMs: number;
    databaseBytes: number;
  };
  ingest: {
    events: number;
    batches: number;
    ms: number;
    eventsPerSecond: number;
    batchP50: number;
    batchP99: number;
    replayMedianMs: number;
    replayMaxMs: number;
  };
  evaluations: EvaluationRun[];
  reads: Array<{ label: string; stats: LatencyStats }>;
  orgRollupBytes: number;
  http: Array<{ label: string; stats: LatencyStats }>;
  peakRss: Record<string, number>;
  /** Rubric previews over every evaluated entity (issue 18). */
  rubricPreviews?: RubricPreviewTiming[];
}

function countByType(events: MaturityEvent[], counts: Record<string, number>) {
  for (const event of events) {
    counts[event.type] = (counts[event.type] ?? 0) + 1;
  }
}

/**
 * The newest entities' activity, at least `target` events, held in memory
 * as ingest batches; the other entities are seeded in bulk before the
 * timed ingest so it writes into a database of the full size.
 */
function splitForIngest(options: {
  entities: DemoEntity[];
  now: Date;
  target: number;
}): { seeded: DemoEntity[]; ingested: MaturityEvent[] | undefined } {
  if (!Number.isFinite(options.target)) {
    return { seeded: [], ingested: undefined };
  }
  const tail: MaturityEvent[][] = [];
  let total = 0;
  let cut = options.entities.length;
  while (cut > 0 && total < options.target) {
    cut -= 1;
    const events = generateDemoActivity({
      entities: [options.entities[cut]],
      now: options.now,
      days: 365,
    });
    tail.unshift(events);
    total += events.length;
  }
  return { seeded: options.entities.slice(0, cut), ingested: tail.flat() };
}

/**
 * Loading a SQLite file of gigabytes through the default 2 MB page cache,
 * with an fsync per transaction, takes most of the run. Seeding alone gets
 * a large cache and no fsync; the connection's own settings come back
 * before anything is measured. PostgreSQL needs nothing.
 */
async function fastSeedSettings(
  database: BenchDatabase,
): Promise<() => Promise<void>> {
  if (database.engine !== 'sqlite') return async () => {};
  const read = async (pragma: string) => {
    const [row] = await database.knex.raw(`pragma ${pragma}`);
    return Object.values(row)[0] as number;
  };
  const cacheSize = await read('cache_size');
  const synchronous = await read('synchronous');
  await database.knex.raw('pragma cache_size = -524288');
  await database.knex.raw('pragma synchronous = off');
  return async () => {
    await database.knex.raw(`pragma cache_size = ${Number(cacheSize)}`);
    await database.knex.raw(`pragma synchronous = ${Number(synchronous)}`);
  };
}

async function databaseBytes(database: BenchDatabase): Promise<number> {
  if (database.engine === 'sqlite') {
    return fs.statSync(database.location).size;
  }
  const { rows } = await database.knex.raw(
    'select pg_database_size(current_database()) as size',
  );
  return Number(rows[0].size);
}

/** What building a data set measured: seeding and ingest. */
interface DatasetMeasurements {
  eventsByType: Record<string, number>;
  seededEvents: number;
  seedMs: number;
  ingestedEvents: number;
  ingest: EngineResult['ingest'];
  peakRss: { seed: number; ingest: number };
}

/**
 * Builds the data set: bulk-seeds every component's year of activity but
 * that of the newest components, whose events are then written through
 * `EventStore.ingest` in API-sized batches (the timed ingest) and replayed.
 */
async function buildDataset(
  database: BenchDatabase,
  store: EventStore,
  memory: MemorySampler,
  options: EngineRunOptions,
): Promise<DatasetMeasurements> {
  const { catalog, now, progress } = options;
  const peakRss = { seed: 0, ingest: 0 };
  const eventsByType: Record<string, number> = {};

  // Data set: bulk-seed everything but the entities whose events the
  // timed ingest writes.
  progress('generating the ingest sample');
  const { seeded, ingested } = splitForIngest({
    entities: catalog.activity,
    now,
    target: options.ingestEvents,
  });
  progress(`seeding the activity of ${seeded.length} components`);
  const restoreSettings = await fastSeedSettings(database);
  const seedStarted = performance.now();
  let seededEvents = 0;
  let buffer: MaturityEvent[] = [];
  let pending: Promise<void> = Promise.resolve();
  let flushes = 0;
  const flush = async () => {
    await pending;
    flushes += 1;
    if (database.engine === 'postgres' && flushes % ANALYZE_EVERY === 0) {
      // The commit-link and CI-outcome statements of each seed chunk join
      // the growing tables; planned on statistics of empty tables, they
      // turn quadratic. Autovacuum would keep them current, but may be
      // off (it is on some machines) or late.
      await database.knex.raw('analyze');
    }
    const events = buffer;
    buffer = [];
    pending = seedEvents(database.knex, events, now.getTime());
    // Awaited by the next flush; this only keeps an early failure from
    // counting as unhandled meanwhile.
    pending.catch(() => undefined);
  };
  for (const [index, entity] of seeded.entries()) {
    const events = generateDemoActivity({
      entities: [entity],
      now,
      days: 365,
    });
    countByType(events, eventsByType);
    seededEvents += events.length;
    buffer.push(...events);
    if (buffer.length >= SEED_BATCH) {
      await flush();
    }
    // Lets PostgreSQL's answers in while the next entity is generated.
    await nextTick();
    if (index % 500 === 499) {
      progress(`  seeded ${index + 1} components, ${seededEvents} events`);
    }
  }
  await flush();
  await pending;
  const seedMs = performance.now() - seedStarted;
  await restoreSettings();
  if (database.engine === 'postgres') {
    // A year of events arrives over a year, with autovacuum keeping
    // statistics and visibility maps current; a bulk load has neither
    // until autovacuum comes round, which it may not do during the run.
    await database.knex.raw('vacuum analyze');
  }
  peakRss.seed = memory.takePeak();

  // Ingest through the store, in API-sized batches, timing only the
  // store calls.
  progress('ingesting through EventStore.ingest');
  const batchTimes: number[] = [];
  let ingestMs = 0;
  let ingestedEvents = 0;
  const ingestBatch = async (batch: MaturityEvent[]) => {
    const t0 = performance.now();
    const result = await store.ingest(batch);
    const elapsed = performance.now() - t0;
    batchTimes.push(elapsed);
    ingestMs += elapsed;
    ingestedEvents += batch.length;
    countByType(batch, eventsByType);
    return result;
  };
  const replayBatches: MaturityEvent[][] = [];
  if (ingested) {
    for (let i = 0; i < ingested.length; i += INGEST_BATCH) {
      const batch = ingested.slice(i, i + INGEST_BATCH);
      await ingestBatch(batch);
      if (replayBatches.length < REPLAYS && (i / INGEST_BATCH) % 20 === 0) {
        replayBatches.push(batch);
      }
    }
  } else {
    let batch: MaturityEvent[] = [];
    for (const entity of catalog.activity) {
      batch.push(
        ...generateDemoActivity({ entities: [entity], now, days: 365 }),
      );
      while (batch.length >= INGEST_BATCH) {
        const head = batch.slice(0, INGEST_BATCH);
        batch = batch.slice(INGEST_BATCH);
        await ingestBatch(head);
        if (replayBatches.length < REPLAYS && batchTimes.length % 500 === 1) {
          replayBatches.push(head);
        }
        if (batchTimes.length % 250 === 0) {
          progress(`  ingested ${ingestedEvents} events`);
        }
      }
    }
    if (batch.length) await ingestBatch(batch);
  }
  const replayTimes: number[] = [];
  for (const batch of replayBatches) {
    const t0 = performance.now();
    const result: IngestResult = await store.ingest(batch);
    replayTimes.push(performance.now() - t0);
    if (result.created + result.updated !== 0) {
      throw new Error(`A replay wrote rows: ${JSON.stringify(result)}`);
    }
  }
  peakRss.ingest = memory.takePeak();
  batchTimes.sort((a, b) => a - b);
  replayTimes.sort((a, b) => a - b);

  return {
    eventsByType,
    seededEvents,
    seedMs,
    ingestedEvents,
    ingest: {
      events: ingestedEvents,
      batches: batchTimes.length,
      ms: ingestMs,
      eventsPerSecond: (ingestedEvents / ingestMs) * 1000,
      batchP50: percentile(batchTimes, 0.5),
      batchP99: percentile(batchTimes, 0.99),
      replayMedianMs: percentile(replayTimes, 0.5),
      replayMaxMs: replayTimes[replayTimes.length - 1] ?? NaN,
    },
    peakRss,
  };
}

/** Runs every phase of the benchmark on one database. */
export async function runEngineBenchmark(
  database: BenchDatabase,
  options: EngineRunOptions,
): Promise<EngineResult> {
  const { catalog, now, progress } = options;
  const memory = new MemorySampler();
  memory.start();
  const peakRss: Record<string, number> = {};
  const queryLog = new QueryLog(database.knex);

  try {
    // A kept database either holds this very data set or is rebuilt.
    const datasetKey = JSON.stringify({
      components: catalog.components.length,
      now: now.toISOString(),
      ingestEvents: options.ingestEvents,
    });
    let dataset = database.kept
      ? await readKeptDataset<DatasetMeasurements>(database.knex, datasetKey)
      : undefined;
    if (database.kept && !dataset) {
      await dropAllTables(database.knex);
    }
    const db = await MaturityDatabase.create({ database: database.service });
    const { events: store } = db;
    if (dataset) {
      progress(`reusing the data set kept in ${database.location}`);
      await clearEvaluationResults(database.knex);
      if (database.engine === 'postgres') {
        await database.knex.raw('vacuum analyze');
      }
    } else {
      dataset = await buildDataset(database, store, memory, options);
      if (database.kept) {
        await rememberKeptDataset(database.knex, {
          key: datasetKey,
          measured: dataset,
        });
        progress(`kept the data set in ${database.location}`);
      }
    }
    Object.assign(peakRss, dataset.peakRss);
    const { eventsByType, seededEvents, seedMs, ingestedEvents } = dataset;

    const evaluation = readEvaluationConfig(new ConfigReader({}));
    const windowFrom = now.getTime() - evaluation.windowDays * DAY_MS;
    let eventsInWindow = 0;
    for (const type of MATURITY_EVENT_TYPES) {
      const [{ n }] = await database
        .knex(eventTables[type].table)
        .where('occurred_at', '>=', windowFrom)
        .count({ n: '*' });
      eventsInWindow += Number(n);
    }
    if (database.engine === 'postgres') {
      // As autovacuum would have by the time an evaluation runs.
      await database.knex.raw('vacuum analyze');
    }

    // Full evaluations, timed from the outside, with the plugin's default
    // evaluation config: default rubric, 90-day window, batches of 500.
    const timeline = new EvaluationTimeline();
    const benchCatalog = timeline.wrap(
      createBenchCatalogService([
        ...catalog.groups,
        ...catalog.domains,
        ...catalog.systems,
        ...catalog.components,
      ]),
      ['getEntities', 'getEntitiesByRefs'],
      'catalog.',
    );
    const timed = {
      events: timeline.wrap(db.events, ['getLatestRepoFacts']),
      metricsWindow: timeline.wrap(db.metricsWindow, ['readWindow']),
      results: timeline.wrap(db.results, [
        'saveEvaluations',
        'deleteGoneEvaluations',
        'listAllSummaries',
      ]),
      history: timeline.wrap(db.history, ['getHistoryStarts', 'getLevelsAsOf']),
      exemptions: timeline.wrap(db.exemptions, ['listExemptions']),
      rollups: timeline.wrap(db.rollups, ['replaceRollups']),
    };
    const evaluator = new EntityEvaluator({
      ...evaluation,
      ...timed,
      catalog: benchCatalog,
      auth: createBenchAuthService(),
      logger: createBenchLogger(options.verbose),
    });
    const scope = new CatalogScope({
      ...evaluation,
      catalog: benchCatalog,
      auth: createBenchAuthService(),
    });
    const rollups = new RollupBuilder({
      ...timed,
      readScope: async () => ({
        groups: await scope.groups(),
        systemDomains: await scope.systemDomains(),
      }),
      rubric: evaluation.rubric,
      logger: createBenchLogger(options.verbose),
    });
    const evaluations: EvaluationRun[] = [];
    for (let run = 0; run < options.evaluations; run++) {
      progress(`evaluating all entities (run ${run + 1})`);
      // Later runs come an hour later, as the default schedule does.
      const at = new Date(now.getTime() + run * 60 * 60 * 1000);
      timeline.reset();
      queryLog.record();
      const cpu = new CpuClock(database.engine);
      cpu.start();
      const t0 = performance.now();
      const { evaluated } = await withCpuProfile(
        options.cpuProfileDirectory,
        `${database.engine}-evaluation-${run + 1}`,
        // A full run as the scheduled task does it: every entity, then the
        // rollups.
        async () => {
          const result = await evaluator.evaluateAll(at);
          await rollups.rebuild(at);
          return result;
        },
      );
      const ms = performance.now() - t0;
      evaluations.push({
        ms,
        evaluated,
        breakdown: timeline.breakdown(ms),
        cpu: cpu.stop(),
        topStatements: queryLog.stop(options.statements),
      });
      peakRss[`evaluation ${run + 1}`] = memory.takePeak();
    }

    progress('previewing rubric changes');
    const rubricPreviews = await measureRubricPreviews(
      db.rubricPreview,
      evaluation.rubric,
    );
    peakRss['rubric previews'] = memory.takePeak();

    // Reads.
    progress('reading scorecards, rollups and lists');
    const random = new SeededRandom('bench-reads');
    const refs = catalog.components.map(e => canonicalEntityRef(e));
    const readRefs = Array.from(
      { length: options.scorecardReads },
      () => refs[random.integer(0, refs.length - 1)],
    );
    const team = canonicalEntityRef(catalog.groups[2]);
    const department = canonicalEntityRef(catalog.groups[1]);
    const departmentRollup = await db.rollups.getRollup(department);
    const orgRollup = await db.rollups.getRollup('org');
    if (!orgRollup || !departmentRollup) {
      throw new Error('Rollups missing after evaluation');
    }
    const departmentOwners = departmentRollup.groupRefs ?? [department];
    const mustExist = async <T>(value: Promise<T | undefined>) => {
      if ((await value) === undefined) throw new Error('A read found nothing');
    };
    const reads: EngineResult['reads'] = [
      {
        label: `getScorecard, ${options.readers} readers`,
        stats: await measureLatency(readRefs.length, options.readers, i =>
          mustExist(db.results.getScorecard(readRefs[i])),
        ),
      },
      {
        label: "getRollup('org')",
        stats: await measureLatency(SINGLE_READS, 1, () =>
          mustExist(db.rollups.getRollup('org')),
        ),
      },
      {
        label: `getRollup(department, ${departmentOwners.length} groups)`,
        stats: await measureLatency(SINGLE_READS, 1, () =>
          mustExist(db.rollups.getRollup(department)),
        ),
      },
      {
        label: 'listScorecards, 1 team, 50 by level',
        stats: await measureLatency(SINGLE_READS, 1, () =>
          db.results.listScorecards({
            ownerRefs: [team],
            orderBy: 'overallLevel',
            order: 'desc',
            limit: 50,
            offset: 0,
          }),
        ),
      },
      {
        label: `listScorecards, department (${departmentOwners.length} owners), 50 by level`,
        stats: await measureLatency(SINGLE_READS, 1, () =>
          db.results.listScorecards({
            ownerRefs: departmentOwners,
            orderBy: 'overallLevel',
            order: 'desc',
            limit: 50,
            offset: 0,
          }),
        ),
      },
    ];
    peakRss.reads = memory.takePeak();

    let http: EngineResult['http'] = [];
    if (options.http) {
      progress('reading through the HTTP API');
      const pathOf = (ref: string) =>
        `/v1/entities/${ref.replace(':', '/')}/scorecard`;
      http = await measureHttpReads({ ...db, evaluator }, [
        {
          label: `GET .../scorecard, ${options.readers} clients`,
          count: Math.min(2000, readRefs.length),
          concurrency: options.readers,
          path: i => pathOf(readRefs[i]),
        },
        {
          label: 'GET /v1/rollups/org',
          count: SINGLE_READS,
          concurrency: 1,
          path: () => '/v1/rollups/org',
        },
        {
          label: 'GET /v1/scorecards?owner=<team>&limit=50',
          count: SINGLE_READS,
          concurrency: 1,
          path: () =>
            `/v1/scorecards?owner=${encodeURIComponent(
              team,
            )}&orderBy=overallLevel&order=desc&limit=50`,
        },
      ]);
      peakRss.http = memory.takePeak();
    }

    return {
      engine: database.engine,
      version: database.version,
      dataset: {
        components: catalog.components.length,
        connectedComponents: catalog.activity.length,
        events: seededEvents + ingestedEvents,
        eventsByType,
        eventsInWindow,
        seededEvents,
        seedMs,
        databaseBytes: await databaseBytes(database),
      },
      ingest: dataset.ingest,
      evaluations,
      reads,
      orgRollupBytes: Buffer.byteLength(JSON.stringify(orgRollup)),
      http,
      peakRss,
      rubricPreviews,
    };
  } finally {
    memory.stop();
  }
}
