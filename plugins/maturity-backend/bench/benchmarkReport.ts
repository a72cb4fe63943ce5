import { EngineResult } from './benchEngine';
import { BenchOptions } from './benchOptions';
import { MachineInfo } from './machineInfo';

/** The targets the product promises at 10,000 entities. */
export const TARGETS = {
  evaluationMs: 10_000,
  scorecardP99Ms: 10,
  orgRollupMs: 50,
  entities: 10_000,
};

const ENGINE_NAMES: Record<string, string> = {
  sqlite: 'SQLite',
  postgres: 'PostgreSQL',
};

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) =>
  n >= 100 ? `${int(n)} ms` : `${n.toFixed(n >= 10 ? 1 : 2)} ms`;
const seconds = (n: number) => `${(n / 1000).toFixed(1)} s`;
const mib = (bytes: number) => `${int(bytes / 1024 ** 2)} MiB`;

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join(
    '\n',
  );
}

function verdict(value: number, limit: number, entities: number): string {
  if (entities < TARGETS.entities) {
    return `(${int(entities)} entities: not judged)`;
  }
  return value <= limit ? '**PASS**' : '**MISS**';
}

/** The worst evaluation of a run: targets are judged on it. */
const slowestEvaluation = (result: EngineResult) =>
  Math.max(...result.evaluations.map(e => e.ms));

const readOf = (result: EngineResult, prefix: string) =>
  result.reads.find(r => r.label.startsWith(prefix))!.stats;

/** The target table: value and PASS/MISS per engine. */
export function targetTable(results: EngineResult[], entities: number): string {
  const header = ['Target', ...results.map(r => ENGINE_NAMES[r.engine])];
  const cells = (fn: (r: EngineResult) => string) => results.map(fn);
  return table(header, [
    [
      `Full evaluation of ${int(TARGETS.entities)} entities ≤ ${seconds(
        TARGETS.evaluationMs,
      )} (slowest run)`,
      ...cells(r => {
        const value = slowestEvaluation(r);
        return `${seconds(value)} ${verdict(
          value,
          TARGETS.evaluationMs,
          entities,
        )}`;
      }),
    ],
    [
      `Entity scorecard read p99 ≤ ${TARGETS.scorecardP99Ms} ms`,
      ...cells(r => {
        const value = readOf(r, 'getScorecard').p99;
        return `${ms(value)} ${verdict(
          value,
          TARGETS.scorecardP99Ms,
          entities,
        )}`;
      }),
    ],
    [
      `Org rollup read ≤ ${TARGETS.orgRollupMs} ms (p99)`,
      ...cells(r => {
        const value = readOf(r, "getRollup('org')").p99;
        return `${ms(value)} ${verdict(value, TARGETS.orgRollupMs, entities)}`;
      }),
    ],
  ]);
}

/** Every measurement, one column per engine. */
export function resultsTable(results: EngineResult[]): string {
  const header = ['Measure', ...results.map(r => ENGINE_NAMES[r.engine])];
  const rows: string[][] = [];
  const row = (label: string, fn: (r: EngineResult) => string) =>
    rows.push([label, ...results.map(fn)]);

  row('Events stored (a year)', r => int(r.dataset.events));
  row('… of which in the 90-day window', r => int(r.dataset.eventsInWindow));
  row('Database size', r => mib(r.dataset.databaseBytes));
  row(
    'Bulk seed (setup, not a product path)',
    r =>
      `${int(r.dataset.seededEvents)} events in ${seconds(r.dataset.seedMs)}`,
  );
  row(
    'Ingest through `EventStore.ingest`, batches of 1,000',
    r =>
      `**${int(r.ingest.eventsPerSecond)} events/s** (${int(
        r.ingest.events,
      )} events, ${seconds(r.ingest.ms)})`,
  );
  row(
    'Ingest batch p50 / p99',
    r => `${ms(r.ingest.batchP50)} / ${ms(r.ingest.batchP99)}`,
  );
  row(
    'Replay of one batch (no-op), median / max of 5',
    r => `${ms(r.ingest.replayMedianMs)} / ${ms(r.ingest.replayMaxMs)}`,
  );
  results[0].evaluations.forEach((_, i) =>
    row(
      `Full evaluation, run ${i + 1}${
        i === 0 ? ' (creates scorecards)' : ' (an hour later, updates)'
      }`,
      r =>
        `**${seconds(r.evaluations[i].ms)}** (${int(
          r.evaluations[i].evaluated,
        )} entities, ${int(
          (r.evaluations[i].evaluated / r.evaluations[i].ms) * 1000,
        )}/s)`,
    ),
  );
  for (const read of results[0].reads) {
    row(`${read.label}: p50 / p99 (${int(read.stats.count)} calls)`, r => {
      const stats = r.reads.find(x => x.label === read.label)!.stats;
      return `${ms(stats.p50)} / **${ms(stats.p99)}**${
        stats.concurrency > 1 ? ` (${int(stats.throughput)}/s)` : ''
      }`;
    });
  }
  row('Org rollup document', r => `${int(r.orgRollupBytes / 1024)} KiB`);
  for (const read of results[0].http) {
    row(`HTTP ${read.label}: p50 / p99 (${int(read.stats.count)} calls)`, r => {
      const stats = r.http.find(x => x.label === read.label)!.stats;
      return `${ms(stats.p50)} / ${ms(stats.p99)}${
        stats.concurrency > 1 ? ` (${int(stats.throughput)}/s)` : ''
      }`;
    });
  }
  for (const phase of Object.keys(results[0].peakRss)) {
    row(`Peak RSS, ${phase}`, r => mib(r.peakRss[phase] ?? NaN));
  }
  return table(header, rows);
}

/** Where each evaluation's wall time went. */
export function breakdownTable(results: EngineResult[]): string {
  const header = [
    'Phase',
    ...results.flatMap(r =>
      r.evaluations.map((_, i) => `${ENGINE_NAMES[r.engine]} run ${i + 1}`),
    ),
  ];
  const rows: string[][] = [];
  const row = (
    label: string,
    fn: (b: EngineResult['evaluations'][number]['breakdown']) => number,
  ) =>
    rows.push([
      label,
      ...results.flatMap(r => r.evaluations.map(e => seconds(fn(e.breakdown)))),
    ]);
  row('Total', b => b.totalMs);
  rows.push([
    'CPU: benchmark process (JS, SQLite, drivers)',
    ...results.flatMap(r => r.evaluations.map(e => seconds(e.cpu.processMs))),
  ]);
  rows.push([
    'CPU: PostgreSQL server',
    ...results.flatMap(r =>
      r.evaluations.map(e =>
        e.cpu.serverMs === undefined ? '–' : seconds(e.cpu.serverMs),
      ),
    ),
  ]);
  row('Catalog read (components, systems)', b => b.catalogMs);
  row('Batch reads, wall (metrics ∥ other reads)', b => b.batchReadsMs);
  row('… metrics window read', b => b.metricsMs);
  row(
    '… facts, CI steps, tools, exemptions, history starts',
    b => b.otherReadsMs,
  );
  row('Rubric evaluation (between reads and save)', b => b.rubricMs);
  row('saveEvaluations', b => b.saveMs);
  row('deleteGoneEvaluations', b => b.deleteStaleMs);
  row('Rollups, total', b => b.rollupsMs);
  row('… reads (summaries, groups, levels)', b => b.rollupReadsMs);
  row('… computeRollups', b => b.rollupComputeMs);
  row('… replaceRollups', b => b.rollupWriteMs);
  return table(header, rows);
}

export function statementTables(results: EngineResult[]): string {
  return results
    .map(r => {
      const first = r.evaluations[0];
      return [
        `**${ENGINE_NAMES[r.engine]}, run 1**: statements by total time ` +
          '(concurrent statements each count their own time)',
        '',
        table(
          ['Statement (start)', 'Count', 'Total'],
          first.topStatements.map(s => [
            `\`${s.shape.replace(/\|/g, '\\|')}\``,
            int(s.count),
            seconds(s.totalMs),
          ]),
        ),
      ].join('\n');
    })
    .join('\n\n');
}

/** The whole of docs/benchmarks.md. */
/**
 * The rubric previews' times: each over every evaluated entity, and per
 * 1,000 entities so runs of other sizes compare.
 */
export function rubricPreviewTable(results: EngineResult[]): string {
  const rows = results.flatMap(r =>
    (r.rubricPreviews ?? []).map(p => [
      ENGINE_NAMES[r.engine] ?? r.engine,
      p.label,
      int(p.compared),
      int(p.changed),
      ms(p.ms),
      ms((p.ms / Math.max(1, p.compared + p.notPreviewable)) * 1000),
    ]),
  );
  return table(
    [
      'Engine',
      'Proposed change',
      'Entities compared',
      'Entities changed',
      'Preview (median of 3)',
      'Per 1,000 entities',
    ],
    rows,
  );
}

export function benchmarkMarkdown(options: {
  results: EngineResult[];
  bench: BenchOptions;
  machine: MachineInfo;
  catalogSummary: string;
  startedAt: Date;
  durationMs: number;
  /** The machine's 1-minute load average during the run. */
  load: { mean: number; max: number };
}): string {
  const { results, bench, machine } = options;
  return `# Benchmarks

Latest run: ${options.startedAt
    .toISOString()
    .slice(0, 16)
    .replace('T', ' ')} UTC,
\`npm run bench\` (${int(bench.entities)} components; whole run ${seconds(
    options.durationMs,
  )}). This file is overwritten by each full run.

## Targets

${targetTable(results, bench.entities)}

## Machine

- CPU: ${machine.cpu}, ${machine.cores} cores
- Memory: ${machine.memoryGiB} GiB
- ${machine.platform}, Node.js ${machine.node}
- 1-minute load average during the run: mean ${options.load.mean.toFixed(
    1,
  )}, max ${options.load.max.toFixed(1)}${
    // The benchmark alone keeps about two cores busy (Node and the database).
    options.load.mean > machine.cores + 0.5
      ? ' — other work shared the machine; treat the times as pessimistic'
      : ''
  }
- ${results.map(r => r.version).join('; ')}
- SQLite as Backstage configures it (better-sqlite3, one connection, rollback
  journal); PostgreSQL with its Debian defaults, on the same machine.

## Data set

${options.catalogSummary}

## Results

${resultsTable(results)}

## Where evaluation time goes

Measured from outside the evaluator by wrapping the catalog, the stores and the
metrics window reader it is given. Per batch of 500 entities the evaluator
runs the window read and the other reads concurrently, then computes the
metrics and evaluates the rubric, then saves; the next batch's reads start while a batch is evaluated and saved, so
the phases add up to more than the total.

${breakdownTable(results)}

${statementTables(results)}

## Rubric preview

\`POST /v1/rubric/preview\`'s work without HTTP, after the evaluations, over
every evaluated entity: stored rows read in keyset batches of 1,000, each
entity's levels recomputed in memory under the active and the proposed
rubric, only the totals and one page of 50 affected entities kept. A changed
threshold re-evaluates its check from the stored metrics and evaluation
inputs; a disabled check needs the stored check states alone.

${rubricPreviewTable(results)}

## How to run

\`\`\`sh
npm run bench                                  # full run: 10,000 components, SQLite and PostgreSQL, writes this file
npm run bench -- --entities 500 --db sqlite    # a quick check; does not write this file
npm run bench -- --help                        # all options
npm run bench -- --db postgres --reuse --no-http --cpu-profile /tmp/prof
                                               # work on the evaluation: seed once, then reuse
\`\`\`

Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth) for
\`--db postgres\`; the benchmark creates a database \`maturity_bench_<pid>\`
and drops it afterwards. SQLite uses a file under the system temp directory,
removed afterwards. A full run takes about ${Math.ceil(
    options.durationMs / 60000,
  )} minutes on the machine above.

\`--reuse\` keeps the seeded databases (\`maturity_bench_kept_<N>\`, a file
\`maturity-bench-kept_<N>.sqlite\` in the temp directory) and later
\`--reuse\` runs start from them, skipping seeding and ingest (their figures
are repeated from the run that built them); the evaluation results are
emptied first. Such a run never writes this file: its database has been
written to before and its caches are warm or cold by chance.
\`--cpu-profile DIR\` writes a V8 CPU profile of each evaluation run, and
the breakdown's CPU rows say whether the backend process or the PostgreSQL
server bounds it.

## How it measures

- The catalog and the activity are deterministic: the same options give the
  same entities and events. Activity comes from the demo generator
  (\`plugins/maturity-backend-module-demo\`), a year per connected
  component, shaped by the owning team's tier.
- **Ingest**: the newest components' events (at least
  \`--ingest-events\`, ${int(bench.ingestEvents)} by default) are written
  through \`EventStore.ingest\` in batches of 1,000, as the ingest API does,
  after the rest of the year has been seeded in bulk (same rows and commit
  links, without the store's read-before-write), so ingest writes into a
  database of full size. Only the time inside \`ingest\` counts. A replay
  re-sends five of those batches; each must change nothing.
- **Evaluation**: a full run as the scheduled task does it,
  \`EntityEvaluator.evaluateAll\` then \`RollupBuilder.rebuild\`, with the
  default rubric, a 90-day window and batches of 500, against an in-memory
  catalog (no HTTP), including the deletion of vanished entities and all
  rollups. Run 2 is an
  hour later, as the default schedule runs it: every scorecard exists
  already and is updated. PostgreSQL gets \`VACUUM ANALYZE\` after the bulk
  load and again after the timed ingest, as autovacuum would have done by
  then; on SQLite the store keeps statistics itself with
  \`PRAGMA optimize\` (a sampled \`ANALYZE\` of tables that grew or shrank
  tenfold) after each ingest batch that created records and before each
  full evaluation, so the first timed ingest batch after the bulk seed pays
  for analysing the seeded tables (the ingest p99). Targets are judged on
  the slowest run. Runs of the same code minutes apart differ by up to a
  fifth on the machine above (a shared virtual machine): compare changes
  with alternating \`--reuse\` runs and the CPU rows, not single runs.
- **Reads**: store calls from ${bench.readers} concurrent readers on random
  components; rollup and list reads one at a time. The HTTP rows go through
  the plugin's router (OpenAPI validation included) in a plain express app on
  127.0.0.1 with allow-all auth and permissions, from the same process.
- **Peak RSS** is the benchmark process's resident set size sampled every
  100 ms, per phase; the PostgreSQL server's memory is not included.
`;
}
