import { Knex } from 'knex';
import { chunks } from './chunks';
import { EvaluationQueue } from './EvaluationQueue';

// Rows per statement, well below both engines' bind-parameter limits.
const CHUNK_SIZE = 200;

/**
 * The evaluation queue on the plugin's own database: safe with several
 * replicas taking from it.
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
        .merge();
    }
  }

  async takeQueuedEvaluations(limit: number) {
    return this.db.transaction(async tx => {
      const rows = await tx('evaluation_queue')
        .orderBy('requested_at', 'asc')
        .limit(limit)
        .select('entity_ref', 'requested_at');
      for (const batch of chunks(rows, CHUNK_SIZE)) {
        // Only what was read: a request that arrived meanwhile stays queued.
        await tx('evaluation_queue')
          .where(inner => {
            for (const row of batch) {
              inner.orWhere(both =>
                both
                  .where('entity_ref', row.entity_ref)
                  .where('requested_at', '<=', row.requested_at),
              );
            }
          })
          .delete();
      }
      return rows.map(row => row.entity_ref as string);
    });
  }
}
