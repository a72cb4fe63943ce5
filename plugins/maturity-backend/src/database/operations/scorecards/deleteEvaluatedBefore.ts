import { Knex } from 'knex';

/**
 * Removes the results (scorecard, metrics, queued evaluation) of every
 * entity not evaluated since `before`, in one transaction. History stays.
 * Returns how many scorecards were removed.
 */
export async function deleteEvaluatedBefore(
  db: Knex,
  before: Date,
): Promise<number> {
  const stale = db('scorecards')
    .where('evaluated_at', '<', before.getTime())
    .select('entity_ref');
  return db.transaction(async tx => {
    await tx('entity_metrics').whereIn('entity_ref', stale.clone()).delete();
    await tx('evaluation_queue').whereIn('entity_ref', stale.clone()).delete();
    return Number(
      await tx('scorecards')
        .where('evaluated_at', '<', before.getTime())
        .delete(),
    );
  });
}
