import { Knex } from 'knex';

/** Removes the entities a run still holds: their results are saved. */
export async function completeQueuedEvaluations(
  db: Knex,
  owner: string,
): Promise<void> {
  await db('evaluation_queue').where('lease_owner', owner).delete();
}
