import { Knex } from 'knex';

/** Gives a failed run's entities back to the queue at once. */
export async function releaseQueuedEvaluations(
  db: Knex,
  owner: string,
): Promise<void> {
  await db('evaluation_queue')
    .where('lease_owner', owner)
    .update({ lease_owner: null, lease_expires_at: null });
}
