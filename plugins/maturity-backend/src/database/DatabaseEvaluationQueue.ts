import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { chunks } from './chunks';
import { EvaluationQueue, QueueLease } from './EvaluationQueue';
import { isPostgres } from './isPostgres';

// Rows per statement, well below both engines' bind-parameter limits.
const CHUNK_SIZE = 200;
/** A lease taken without one given: long enough for a batch. */
const DEFAULT_LEASE_MS = 5 * 60_000;

/**
 * The evaluation queue on the plugin's own database: leased, not deleted,
 * until the entities' results are saved, and safe with several replicas
 * taking from it.
 * @internal
 */
export class DatabaseEvaluationQueue implements EvaluationQueue {
  constructor(private readonly db: Knex) {}

  async enqueueEvaluation(entityRefs: string[], at: Date) {
    const unique = [...new Set(entityRefs)];
    for (const batch of chunks(unique, CHUNK_SIZE)) {
      await this.db('evaluation_queue')
        .insert(
          batch.map(entity_ref => ({ entity_ref, requested_at: at.getTime() })),
        )
        .onConflict('entity_ref')
        // Queued again while a run holds it: the run's completion must not
        // remove it, so the lease ends here.
        .merge({
          requested_at: at.getTime(),
          lease_owner: null,
          lease_expires_at: null,
        });
    }
  }

  async takeQueuedEvaluations(limit: number, lease = defaultLease()) {
    return this.db.transaction(async tx => {
      let query = tx('evaluation_queue')
        .where(free =>
          free
            .whereNull('lease_expires_at')
            .orWhere('lease_expires_at', '<=', lease.now.getTime()),
        )
        .orderBy('requested_at', 'asc')
        .limit(limit)
        .select('entity_ref');
      // Two replicas taking at once get different rows, not a wait.
      if (isPostgres(this.db)) query = query.forUpdate().skipLocked();
      const refs = (await query).map(row => row.entity_ref as string);
      for (const batch of chunks(refs, CHUNK_SIZE)) {
        await tx('evaluation_queue').whereIn('entity_ref', batch).update({
          lease_owner: lease.owner,
          lease_expires_at: lease.expiresAt.getTime(),
        });
      }
      return refs;
    });
  }

  async completeQueuedEvaluations(owner: string) {
    await this.db('evaluation_queue').where('lease_owner', owner).delete();
  }

  async releaseQueuedEvaluations(owner: string) {
    await this.db('evaluation_queue')
      .where('lease_owner', owner)
      .update({ lease_owner: null, lease_expires_at: null });
  }
}

function defaultLease(): QueueLease {
  const now = new Date();
  return {
    owner: randomUUID(),
    now,
    expiresAt: new Date(now.getTime() + DEFAULT_LEASE_MS),
  };
}
