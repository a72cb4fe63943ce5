import { BenchEngine, DEFAULT_POSTGRES_URL } from './benchDatabases';

/** Command-line options of `npm run bench`. */
export interface BenchOptions {
  entities: number;
  engines: BenchEngine[];
  /** Events written through EventStore.ingest (Infinity: all). */
  ingestEvents: number;
  reads: number;
  readers: number;
  evaluations: number;
  http: boolean;
  now: Date;
  postgresUrl: string;
  /** Whether to overwrite docs/benchmarks.md. */
  report: boolean;
  /** Keep the seeded databases and start from them next time. */
  reuse: boolean;
  /** Statement shapes listed per evaluation run. */
  statements: number;
  /** Where to write CPU profiles of the evaluation runs. */
  cpuProfileDirectory?: string;
  verbose: boolean;
  /** Only the worst-case ingest bodies of issue 12 (event-loop delay). */
  hostileOnly: boolean;
}

export const USAGE = `Usage: npm run bench -- [options]

  --entities N          catalog components (default 10000)
  --db LIST             sqlite, postgres or sqlite,postgres (default both)
  --ingest-events N     events written through EventStore.ingest, the rest
                        of the year is bulk-seeded first; "all" ingests
                        everything (slow on PostgreSQL) (default 50000)
  --reads N             getScorecard calls (default 5000)
  --readers N           concurrent readers (default 16)
  --evaluations N       full evaluations in a row (default 2)
  --no-http             skip the reads through the HTTP router
  --now ISO             the evaluation time (default 2026-11-23T12:00:00Z)
  --postgres-url URL    server to create the throw-away database on; must be
                        on 127.0.0.1 / localhost (default ${DEFAULT_POSTGRES_URL},
                        or MATURITY_BENCH_POSTGRES_URL)
  --report / --no-report
                        write docs/benchmarks.md (default: only for a full
                        run, 10000 entities on both databases)
  --reuse               keep the seeded databases (a file in the system temp
                        directory, a database maturity_bench_kept_<N>) and
                        start later --reuse runs from them: seeding and
                        ingest are skipped and their figures repeated, the
                        evaluation results are emptied first; never writes
                        docs/benchmarks.md
  --statements N        statement shapes listed per evaluation (default 8)
  --cpu-profile DIR     write a V8 CPU profile of each evaluation run to DIR
                        (<engine>-evaluation-<run>.cpuprofile)
  --hostile             only send the worst-case ingest bodies (issue 12) and
                        report the longest event-loop delay of each; a full
                        run measures them too, on a fresh database
  --verbose             the evaluator's log lines
`;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function positiveInteger(name: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(`${name}: expected a positive integer, got ${value}`);
  }
  return n;
}

/** Parses the command line; throws with a message on anything unknown. */
export function parseBenchOptions(args: string[]): BenchOptions {
  const options: BenchOptions = {
    entities: 10000,
    engines: ['sqlite', 'postgres'],
    ingestEvents: 50000,
    reads: 5000,
    readers: 16,
    evaluations: 2,
    http: true,
    now: new Date('2026-11-23T12:00:00.000Z'),
    postgresUrl:
      process.env.MATURITY_BENCH_POSTGRES_URL ?? DEFAULT_POSTGRES_URL,
    report: false,
    reuse: false,
    statements: 8,
    verbose: false,
    hostileOnly: false,
  };
  let report: boolean | undefined;
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split(/=(.*)/s, 2);
    const value = () => inline ?? args[++i];
    switch (flag) {
      case '--entities':
        options.entities = positiveInteger(flag, value());
        break;
      case '--db': {
        const engines = value()
          .split(',')
          .map(s => s.trim().toLowerCase())
          .filter(Boolean);
        for (const engine of engines) {
          if (engine !== 'sqlite' && engine !== 'postgres') {
            throw new Error(`--db: unknown database '${engine}'`);
          }
        }
        options.engines = [...new Set(engines)] as BenchEngine[];
        break;
      }
      case '--ingest-events': {
        const v = value();
        options.ingestEvents =
          v === 'all' ? Infinity : positiveInteger(flag, v);
        break;
      }
      case '--reads':
        options.reads = positiveInteger(flag, value());
        break;
      case '--readers':
        options.readers = positiveInteger(flag, value());
        break;
      case '--evaluations':
        options.evaluations = positiveInteger(flag, value());
        break;
      case '--no-http':
        options.http = false;
        break;
      case '--now':
        options.now = new Date(value());
        if (Number.isNaN(options.now.getTime())) {
          throw new Error('--now: not a date');
        }
        break;
      case '--postgres-url':
        options.postgresUrl = value();
        break;
      case '--report':
        report = true;
        break;
      case '--no-report':
        report = false;
        break;
      case '--statements':
        options.statements = positiveInteger(flag, value());
        break;
      case '--cpu-profile':
        options.cpuProfileDirectory = value();
        break;
      case '--reuse':
        options.reuse = true;
        break;
      case '--verbose':
        options.verbose = true;
        break;
      case '--hostile':
        options.hostileOnly = true;
        break;
      default:
        throw new Error(`Unknown option ${args[i]}`);
    }
  }
  if (options.engines.length === 0) {
    throw new Error('--db: name at least one database');
  }
  if (
    options.engines.includes('postgres') &&
    !LOOPBACK.has(new URL(options.postgresUrl).hostname)
  ) {
    throw new Error('--postgres-url: the benchmark only talks to 127.0.0.1');
  }
  if (options.reuse && report) {
    throw new Error(
      '--reuse: a reused data set skips seeding and ingest; the report needs a full run',
    );
  }
  options.report =
    report ??
    (!options.reuse &&
      !options.hostileOnly &&
      options.entities >= 10000 &&
      options.engines.includes('sqlite') &&
      options.engines.includes('postgres'));
  return options;
}
