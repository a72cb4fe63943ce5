import {
  LevelChangeListener,
  SavedLevelsBatch,
} from '../scoring/LevelChangeListener';
import { LevelChangeDigest } from './LevelChangeDigest';

/**
 * Gathers the evaluation's saved batches into one digest until the
 * evaluation goes quiet and hands it on: the batches of a run (and of the
 * shards this replica runs at the same time) become one notification per
 * owner, not one per batch. Batches keep coming about a second apart while
 * a run lasts; `quietMs` after the last one, or `maxWaitMs` after the first
 * one held (evaluations that never go quiet still notify), the digest
 * goes. The batches are not kept, only the digest (bounded per owner, see
 * LevelChangeDigest). Held news is lost if the process dies first
 * (notifications are best-effort; the levels themselves are saved).
 */
export class CoalescedLevelChanges implements LevelChangeListener {
  private digest = new LevelChangeDigest();
  private heldSince?: number;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly target: { send(digest: LevelChangeDigest): Promise<void> },
    private readonly options: { quietMs: number; maxWaitMs: number },
  ) {}

  async levelsSaved(batch: SavedLevelsBatch): Promise<void> {
    this.digest.add(batch);
    this.heldSince ??= Date.now();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const waited = Date.now() - this.heldSince;
    if (waited >= this.options.maxWaitMs) {
      await this.flush();
      return;
    }
    this.timer = setTimeout(() => {
      this.flush().catch(() => {});
    }, Math.min(this.options.quietMs, this.options.maxWaitMs - waited));
    // A pending notice must not keep the process alive.
    this.timer.unref?.();
  }

  /** Hands on what is held now (at the quiet time, or at shutdown). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.heldSince === undefined) return;
    const digest = this.digest;
    this.digest = new LevelChangeDigest();
    this.heldSince = undefined;
    await this.target.send(digest);
  }
}
