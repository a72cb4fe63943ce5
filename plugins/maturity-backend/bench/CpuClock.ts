import fs from 'node:fs';

/** CPU seconds spent, by whom, over one phase. */
export interface CpuTime {
  /** The benchmark process (the backend's work: JS, SQLite, drivers). */
  processMs: number;
  /** Local PostgreSQL server processes; undefined where not measurable. */
  serverMs?: number;
}

const TICK_MS = 10; // Linux reports process times in 1/100 s.

/**
 * CPU time of every process named `postgres` on this machine, from
 * /proc/<pid>/stat; undefined off Linux. The benchmark only talks to a
 * server on 127.0.0.1, so these are its backends (and its background
 * workers, which count too: they run because of the load).
 */
function postgresCpuMs(): number | undefined {
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return undefined;
  }
  let ticks = 0;
  for (const pid of entries) {
    if (!/^\d+$/.test(pid)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    // "pid (comm) state ppid ..."; comm may hold spaces, so split after ')'.
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    if (comm !== 'postgres') continue;
    const fields = stat.slice(close + 2).split(' ');
    ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
  }
  return ticks * TICK_MS;
}

/**
 * Measures the CPU a phase costs, to tell whether the backend process or
 * the database server bounds it. Server processes that exit during the
 * phase are not counted (the connection pool keeps its backends).
 */
export class CpuClock {
  private startProcess = process.cpuUsage();
  private startServer: number | undefined;

  constructor(private readonly engine: string) {}

  start(): void {
    this.startProcess = process.cpuUsage();
    this.startServer = this.engine === 'postgres' ? postgresCpuMs() : undefined;
  }

  stop(): CpuTime {
    const used = process.cpuUsage(this.startProcess);
    const server = this.startServer === undefined ? undefined : postgresCpuMs();
    return {
      processMs: (used.user + used.system) / 1000,
      serverMs:
        server === undefined || this.startServer === undefined
          ? undefined
          : server - this.startServer,
    };
  }
}
