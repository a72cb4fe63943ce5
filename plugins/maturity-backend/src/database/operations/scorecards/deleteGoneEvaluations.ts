import { Knex } from 'knex';
import { chunks } from '../../chunks';

// Rows per statement, well below both engines' bind-parameter limits.
const CHUNK_SIZE = 200;

/**
 * Removes the results (scorecard, metrics, queued evaluation) of entities
 * gone from the catalog: those `isGone` names that were not evaluated since
 * `before` (one evaluated meanwhile is back). History stays. Returns how
 * many scorecards were removed.
 */
export async function deleteGoneEvaluations(
  db: Knex,
  isGone: (entityRef: string) => boolean,
  before: Date,
): Promise<number> {
  const stored = await db('scorecards')
    .where('evaluated_at', '<', before.getTime())
    .select('entity_ref');
  const gone = stored
    .map(row => row.entity_ref as string)
    .filter(ref => isGone(ref));
  let removed = 0;
  for (const batch of chunks(gone, CHUNK_SIZE)) {
    removed += await db.transaction(async tx => {
      await tx('entity_metrics').whereIn('entity_ref', batch).delete();
      await tx('evaluation_queue').whereIn('entity_ref', batch).delete();
      return Number(
        await tx('scorecards')
          .whereIn('entity_ref', batch)
          .where('evaluated_at', '<', before.getTime())
          .delete(),
      );
    });
  }
  return removed;
}
