import { performance } from 'node:perf_hooks';

interface Interval {
  label: string;
  start: number;
  end: number;
}

/** Where a full evaluation spent its wall time, in milliseconds. */
export interface EvaluationBreakdown {
  totalMs: number;
  /** Reading components and systems from the catalog before the batches. */
  catalogMs: number;
  /** Per batch: metrics and the other reads run together; their wall time. */
  batchReadsMs: number;
  /** Time inside the metrics window read (overlaps the other batch reads). */
  metricsMs: number;
  /** Time inside the other batch reads (facts, CI steps, tools, exemptions, history starts). */
  otherReadsMs: number;
  /** Between a batch's last read and its save: metrics and rubric evaluation. */
  rubricMs: number;
  /** saveEvaluations. */
  saveMs: number;
  /** deleteGoneEvaluations. */
  deleteStaleMs: number;
  /** Rollups: reads (summaries, groups, levels 30 days ago), computeRollups, replaceRollups. */
  rollupsMs: number;
  rollupReadsMs: number;
  rollupComputeMs: number;
  rollupWriteMs: number;
  batches: number;
}

const BATCH_READS = new Set([
  'readWindow',
  'getLatestRepoFacts',
  'listExemptions',
  'getHistoryStarts',
]);
const ROLLUP_READS = new Set([
  'listAllSummaries',
  'getLevelsAsOf',
  'catalog.getEntities',
]);

/** Length of the union of intervals. */
function unionMs(intervals: Interval[]): number {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  if (sorted.length === 0) return 0;
  let total = 0;
  let { start, end } = sorted[0];
  for (const interval of sorted.slice(1)) {
    if (interval.start > end) {
      total += end - start;
      start = interval.start;
      end = interval.end;
    } else {
      end = Math.max(end, interval.end);
    }
  }
  return total + (end - start);
}

const sumMs = (intervals: Interval[]) =>
  intervals.reduce((sum, i) => sum + (i.end - i.start), 0);

/**
 * Times the evaluator's collaborators from the outside: wrap the catalog,
 * the stores and the metrics function with `wrap`, run the evaluation,
 * then `breakdown` attributes its wall time to phases. The rubric is not
 * injectable; its time is the gap between a batch's reads and its save.
 */
export class EvaluationTimeline {
  private intervals: Interval[] = [];

  reset(): void {
    this.intervals = [];
  }

  /** A function that records each call's interval under `label`. */
  wrapFunction<A extends unknown[], R>(
    label: string,
    fn: (...args: A) => Promise<R>,
  ): (...args: A) => Promise<R> {
    return async (...args: A) => {
      const start = performance.now();
      try {
        return await fn(...args);
      } finally {
        this.intervals.push({ label, start, end: performance.now() });
      }
    };
  }

  /** The object with its methods `methods` recorded as `prefix + name`. */
  wrap<T extends object>(target: T, methods: string[], prefix = ''): T {
    const recorded = new Map<PropertyKey, unknown>();
    for (const name of methods) {
      const method = (target as any)[name];
      recorded.set(
        name,
        this.wrapFunction(`${prefix}${name}`, (...args: unknown[]) =>
          method.apply(target, args),
        ),
      );
    }
    return new Proxy(target, {
      get: (object, property, receiver) =>
        recorded.has(property)
          ? recorded.get(property)
          : Reflect.get(object, property, receiver),
    });
  }

  breakdown(totalMs: number): EvaluationBreakdown {
    const of = (label: string) => this.intervals.filter(i => i.label === label);
    const saves = of('saveEvaluations').sort((a, b) => a.start - b.start);
    const reads = this.intervals.filter(i => BATCH_READS.has(i.label));
    const firstRead = Math.min(...reads.map(i => i.start));

    let rubricMs = 0;
    let previousEnd = -Infinity;
    for (const save of saves) {
      const after = previousEnd;
      const batchReads = reads.filter(
        i => i.start >= after && i.end <= save.start,
      );
      if (batchReads.length) {
        rubricMs += save.start - Math.max(...batchReads.map(i => i.end));
      }
      previousEnd = save.end;
    }

    const deleteStale = of('deleteGoneEvaluations');
    // The rollups start when the entities' evaluation has ended: after its
    // last save or removal (a run may remove nothing).
    const afterDelete = Math.max(
      ...[...saves, ...deleteStale].map(i => i.end),
    );
    const rollupReads = this.intervals.filter(
      i => ROLLUP_READS.has(i.label) && i.start >= afterDelete,
    );
    const rollupWrite = of('replaceRollups');
    const rollupReadsEnd = Math.max(...rollupReads.map(i => i.end));
    const rollupWriteStart = Math.min(...rollupWrite.map(i => i.start));
    const rollupWriteEnd = Math.max(...rollupWrite.map(i => i.end));

    return {
      totalMs,
      catalogMs: unionMs(
        this.intervals.filter(
          i => i.label.startsWith('catalog.') && i.end <= firstRead,
        ),
      ),
      batchReadsMs: unionMs(reads),
      metricsMs: sumMs(of('readWindow')),
      otherReadsMs: unionMs(reads.filter(i => i.label !== 'readWindow')),
      rubricMs,
      saveMs: sumMs(saves),
      deleteStaleMs: sumMs(deleteStale),
      rollupsMs: rollupWriteEnd - afterDelete,
      rollupReadsMs: unionMs(rollupReads),
      rollupComputeMs: rollupWriteStart - rollupReadsEnd,
      rollupWriteMs: sumMs(rollupWrite),
      batches: saves.length,
    };
  }
}
