/*
 * The plugin's benchmark: ingest throughput, full evaluation time, read
 * latencies and peak memory at 10,000 catalog entities, on SQLite and on
 * the local PostgreSQL. Run it with `npm run bench` from the repository
 * root; `npm run bench -- --help` lists the options. A full run overwrites
 * docs/benchmarks.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBenchCatalog } from './benchCatalog';
import { createBenchDatabase } from './benchDatabases';
import { EngineResult, runEngineBenchmark } from './benchEngine';
import {
  benchmarkMarkdown,
  breakdownTable,
  resultsTable,
  rubricPreviewTable,
  statementTables,
  targetTable,
} from './benchmarkReport';
import { parseBenchOptions, USAGE } from './benchOptions';
import { machineInfo } from './machineInfo';
import { hostileIngestTable, measureHostileIngest } from './hostileIngest';

const REPORT_PATH = path.resolve(__dirname, '../../../docs/benchmarks.md');

/**
 * Sections of the report measured by other runs, kept when this benchmark
 * rewrites it: "Replicas", written by `npm run bench:replicas`, and
 * "Before and after", comparisons of two commits by alternating `--reuse`
 * runs.
 */
const KEPT_SECTIONS = ['## Replicas', '## Before and after'];

function keptSections(): string {
  if (!fs.existsSync(REPORT_PATH)) return '';
  const report = fs.readFileSync(REPORT_PATH, 'utf8');
  return KEPT_SECTIONS.map(heading => {
    const start = report.indexOf(`\n${heading}`);
    if (start < 0) return '';
    const next = report.indexOf('\n## ', start + 1);
    return report.slice(start, next < 0 ? undefined : next + 1);
  }).join('');
}

function progress(message: string) {
  const seconds = (performance.now() / 1000).toFixed(0).padStart(4);
  process.stderr.write(`[${seconds} s] ${message}\n`);
}

async function main(args: string[]) {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(USAGE);
    return;
  }
  const options = parseBenchOptions(args);
  const startedAt = new Date();
  const started = performance.now();
  const machine = machineInfo();
  // Other work on the machine skews every number: keep the load beside them.
  const loads: number[] = [];
  const loadTimer = setInterval(() => loads.push(os.loadavg()[0]), 5000);
  loadTimer.unref();

  const catalog = createBenchCatalog(options.entities);
  const tiers = new Map<string, number>();
  for (const tier of catalog.teamTiers.values()) {
    tiers.set(tier, (tiers.get(tier) ?? 0) + 1);
  }
  const count = (key: 'type' | 'lifecycle') => {
    const counts = new Map<string, number>();
    for (const component of catalog.components) {
      const value = String(component.spec?.[key]);
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    return [...counts]
      .sort((a, b) => b[1] - a[1])
      .map(([value, n]) => `${value} ${n.toLocaleString('en-US')}`)
      .join(', ');
  };
  const catalogSummary = [
    `- ${catalog.components.length.toLocaleString('en-US')} components, ` +
      `${catalog.groups.length} groups in 3 levels (organisation, ` +
      `8 departments, ${catalog.teamTiers.size} teams), ` +
      `${catalog.systems.length} systems, ${catalog.domains.length} domains.`,
    `- Team tiers: ${[...tiers].map(([t, n]) => `${n} ${t}`).join(', ')}.`,
    `- Types: ${count('type')}.`,
    `- Lifecycles: ${count('lifecycle')}.`,
    `- ${catalog.activity.length.toLocaleString('en-US')} components are ` +
      'connected to source control and CI and have a year of demo activity; ' +
      'the others are catalog-only and are scored from catalog facts alone.',
  ].join('\n');
  process.stderr.write(`${catalogSummary}\n`);

  // Worst-case ingest bodies (issue 12), each engine on a fresh database.
  const hostileTables: string[] = [];
  for (const engine of options.engines) {
    progress(`${engine}: worst-case ingest bodies`);
    const database = await createBenchDatabase(engine, {
      postgresUrl: options.postgresUrl,
    });
    try {
      const table = hostileIngestTable(
        engine === 'sqlite' ? 'SQLite' : 'PostgreSQL',
        await measureHostileIngest(database),
      );
      hostileTables.push(table);
      process.stdout.write(`\n${table}\n\n`);
    } finally {
      await database.dispose();
    }
  }
  if (options.hostileOnly) return;

  const results: EngineResult[] = [];
  for (const engine of options.engines) {
    progress(`${engine}: creating the database`);
    const database = await createBenchDatabase(engine, {
      postgresUrl: options.postgresUrl,
      keepAs: options.reuse ? `kept_${options.entities}` : undefined,
    });
    try {
      results.push(
        await runEngineBenchmark(database, {
          catalog,
          now: options.now,
          ingestEvents: options.ingestEvents,
          scorecardReads: options.reads,
          readers: options.readers,
          evaluations: options.evaluations,
          http: options.http,
          verbose: options.verbose,
          statements: options.statements,
          cpuProfileDirectory: options.cpuProfileDirectory,
          progress: message => progress(`${engine}: ${message}`),
        }),
      );
    } finally {
      await database.dispose();
      progress(
        `${engine}: database ${
          database.kept ? `kept (${database.location})` : 'removed'
        }`,
      );
    }
  }

  const durationMs = performance.now() - started;
  clearInterval(loadTimer);
  const load = {
    mean: loads.reduce((a, b) => a + b, 0) / Math.max(1, loads.length),
    max: Math.max(0, ...loads),
  };
  progress(
    `1-minute load average during the run: mean ${load.mean.toFixed(
      1,
    )}, max ${load.max.toFixed(1)} (${machine.cores} cores)`,
  );
  process.stdout.write(
    `\n${targetTable(results, options.entities)}\n\n${resultsTable(
      results,
    )}\n\n${breakdownTable(results)}\n\n${statementTables(
      results,
    )}\n\n${rubricPreviewTable(results)}\n\n`,
  );
  if (options.report) {
    const kept = keptSections();
    fs.writeFileSync(
      REPORT_PATH,
      `${benchmarkMarkdown({
        results,
        bench: options,
        machine,
        catalogSummary,
        startedAt,
        durationMs,
        load,
      })}\n## Worst-case ingest bodies (issue 12)\n\nThe longest event-loop delay while each body is ingested through the router over HTTP: how long every other request of the backend waits meanwhile. The router first takes one small valid batch, as a running backend has: the event validators are compiled on the first batch that reaches them (about 100 ms, once per process). Bodies with an array longer than any the API accepts, or a string longer than any field, are refused by the raw-body pre-scan before \`JSON.parse\`; a valid write yields to the event loop between the statements of its transaction.\n\n${hostileTables.join(
        '\n\n',
      )}\n${kept}`,
    );
    progress(`wrote ${path.relative(process.cwd(), REPORT_PATH)}`);
  } else {
    progress(
      'not a full run: docs/benchmarks.md left alone (--report writes it)',
    );
  }
}

main(process.argv.slice(2)).catch(error => {
  process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
  process.exitCode = 1;
});
