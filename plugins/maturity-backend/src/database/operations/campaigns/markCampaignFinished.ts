import { Knex } from 'knex';

/**
 * Marks a campaign finished (once: a later call keeps the first time);
 * its days and entities stay as they are, its final figures.
 */
export async function markCampaignFinished(
  db: Knex,
  campaignId: string,
  at: Date,
): Promise<void> {
  await db('campaigns')
    .where('id', campaignId)
    .whereNull('finished_at')
    .update({ finished_at: at.getTime() });
}
