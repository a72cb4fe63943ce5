import { Knex } from 'knex';
import { performance } from 'node:perf_hooks';

/** Total time of statements of one shape. */
export interface StatementTotal {
  /** The statement's start, bind values removed. */
  shape: string;
  count: number;
  totalMs: number;
}

/**
 * Times every statement a knex client runs while recording, grouped by the
 * statement's shape (its SQL with bind placeholders collapsed), to show
 * which statements a phase spends its database time in. Statements that
 * run concurrently each count their own time.
 */
export class QueryLog {
  private readonly started = new Map<string, number>();
  private readonly totals = new Map<string, StatementTotal>();
  private recording = false;

  constructor(knex: Knex) {
    knex.on('query', (query: { __knexQueryUid: string }) => {
      if (this.recording) {
        this.started.set(query.__knexQueryUid, performance.now());
      }
    });
    const finish = (query: { __knexQueryUid: string; sql: string }) => {
      const start = this.started.get(query.__knexQueryUid);
      if (start === undefined) return;
      this.started.delete(query.__knexQueryUid);
      // The shape is the statement's start: collapse only a bounded prefix
      // (whole insert statements with thousands of placeholders made the
      // log a noticeable part of what it measures).
      const shape = query.sql
        .slice(0, 600)
        .replace(/\s+/g, ' ')
        .replace(/(\$\d+|\?)(\s*,\s*(\$\d+|\?))+/g, '…')
        .replace(
          /(\(…\)|\((\$\d+|\?)\))(\s*,\s*(\(…\)|\((\$\d+|\?)\)))+/g,
          '(…)…',
        )
        .slice(0, 110);
      const total = this.totals.get(shape) ?? { shape, count: 0, totalMs: 0 };
      total.count += 1;
      total.totalMs += performance.now() - start;
      this.totals.set(shape, total);
    };
    knex.on('query-response', (_response: unknown, query) => finish(query));
    knex.on('query-error', (_error: unknown, query) => finish(query));
  }

  record(): void {
    this.totals.clear();
    this.started.clear();
    this.recording = true;
  }

  /** Stops recording; the `limit` statement shapes with most total time. */
  stop(limit: number): StatementTotal[] {
    this.recording = false;
    return [...this.totals.values()]
      .sort((a, b) => b.totalMs - a.totalMs)
      .slice(0, limit);
  }
}
