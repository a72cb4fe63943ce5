import {
  LevelChangeListener,
  SavedLevelsBatch,
} from '../scoring/LevelChangeListener';

/**
 * Holds the evaluation's saved batches back until the evaluation goes quiet
 * and hands them on as one: the batches of a run (and of the shards this
 * replica runs at the same time) become one notification per owner, not one
 * per batch. Batches keep coming about a second apart while a run lasts;
 * `quietMs` after the last one, or once `maxEntities` are held, they go.
 * Held batches are lost if the process dies first (notifications are
 * best-effort; the levels themselves are saved).
 */
export class CoalescedLevelChanges implements LevelChangeListener {
  private held: SavedLevelsBatch[] = [];
  private heldEntities = 0;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly target: LevelChangeListener,
    private readonly options: { quietMs: number; maxEntities: number },
  ) {}

  async levelsSaved(batch: SavedLevelsBatch): Promise<void> {
    this.held.push(batch);
    this.heldEntities += batch.entities.length;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.heldEntities >= this.options.maxEntities) {
      await this.flush();
      return;
    }
    this.timer = setTimeout(() => {
      this.flush().catch(() => {});
    }, this.options.quietMs);
    // A pending notice must not keep the process alive.
    this.timer.unref?.();
  }

  /** Hands on what is held now (at the quiet time, or at shutdown). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const batches = this.held;
    this.held = [];
    this.heldEntities = 0;
    if (batches.length === 0) return;
    await this.target.levelsSaved({
      evaluatedAt: batches[batches.length - 1].evaluatedAt,
      entities: batches.flatMap(b => b.entities),
      changes: batches.flatMap(b => b.changes),
    });
  }
}
