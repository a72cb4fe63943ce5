import { Knex } from 'knex';
import { chunks } from '../../chunks';
import { QueueLease } from '../../EvaluationQueue';
import { isPostgres } from '../../isPostgres';

// Rows per statement, well below both engines' bind-parameter limits.
const CHUNK_SIZE = 200;

/**
 * Leases up to `limit` queued entities, oldest request first, that no run
 * holds (or whose lease expired). They stay queued until completed.
 */
export async function takeQueuedEvaluations(
  db: Knex,
  limit: number,
  lease: QueueLease,
): Promise<string[]> {
  return db.transaction(async tx => {
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
    if (isPostgres(db)) query = query.forUpdate().skipLocked();
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
