import { LoggerService } from '@backstage/backend-plugin-api';
import { Rubric } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { HistoryStore } from '../database/HistoryStore';
import { RollupStore } from '../database/RollupStore';
import { ScorecardResultStore } from '../database/ScorecardStore';
import { DAY_MS } from '../durations';
import { computeRollups, GroupNode } from './computeRollups';

/** Movers compare against this many days earlier. */
const MOVERS_DAYS = 30;
/** Queued evaluations within this long of each other share one rebuild. */
const DEFAULT_DEBOUNCE_MS = 60_000;

/**
 * Rebuilds every rollup from the stored scorecards and the catalog's group
 * tree: after a full evaluation run, and once, debounced, after entities
 * were evaluated in between (queued runs, refreshes), never inside them.
 */
export class RollupBuilder {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly options: {
      results: Pick<ScorecardResultStore, 'listAllSummaries'>;
      history: Pick<HistoryStore, 'getLevelsAsOf'>;
      rollups: Pick<RollupStore, 'replaceRollups'>;
      /** The catalog's group tree and each system's domain. */
      readScope: () => Promise<{
        groups: GroupNode[];
        systemDomains: Map<string, string>;
      }>;
      /** The rubric in force: its MLOps checks are counted apart. */
      rubric: Pick<Rubric, 'mlops'>;
      logger: LoggerService;
      debounceMs?: number;
    },
  ) {}

  /** Rebuilds every rollup now. */
  async rebuild(now = new Date()): Promise<void> {
    const { results, history, rollups, readScope, rubric } = this.options;
    const mlopsCheckIds = new Set(
      rubric.mlops.levels.flatMap(level => level.checks.map(check => check.id)),
    );
    const [summaries, scope, then, levelsNow] = await Promise.all([
      results.listAllSummaries(),
      readScope(),
      history.getLevelsAsOf(new Date(now.getTime() - MOVERS_DAYS * DAY_MS)),
      history.getLevelsAsOf(now),
    ]);
    await rollups.replaceRollups(
      computeRollups({
        summaries,
        mlopsCheckIds,
        ...scope,
        moverLevels: { then, now: levelsNow },
        now,
      }),
    );
  }

  /**
   * Asks for a rebuild soon: requests within the debounce time of the
   * first share one rebuild, which runs after the time has passed.
   */
  requestRebuild(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const previous = this.running ?? Promise.resolve();
      this.running = previous
        .then(() => this.rebuild())
        .catch(error =>
          this.options.logger.warn(`Rebuilding the rollups failed: ${error}`),
        )
        .finally(() => {
          this.running = undefined;
        });
    }, this.options.debounceMs ?? DEFAULT_DEBOUNCE_MS);
    // A pending rebuild never keeps the process alive.
    this.timer.unref?.();
  }

  /** Runs a requested rebuild now, if one is pending, and waits for it. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
      await this.rebuild();
    }
    await this.running;
  }
}
