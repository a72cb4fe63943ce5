import { Knex } from 'knex';
import { chunks } from '../../chunks';

// Rows per statement, well below both engines' bind-parameter limits.
const CHUNK_SIZE = 200;

/**
 * Queues entities for evaluation, once each. An entity queued again while a
 * run holds it loses that lease, so the run's completion does not remove it.
 */
export async function enqueueEvaluations(
  db: Knex,
  entityRefs: string[],
  at: Date,
): Promise<void> {
  const unique = [...new Set(entityRefs)];
  for (const batch of chunks(unique, CHUNK_SIZE)) {
    await db('evaluation_queue')
      .insert(
        batch.map(entity_ref => ({ entity_ref, requested_at: at.getTime() })),
      )
      .onConflict('entity_ref')
      .merge({
        requested_at: at.getTime(),
        lease_owner: null,
        lease_expires_at: null,
      });
  }
}
