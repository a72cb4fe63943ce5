import { Knex } from 'knex';

/**
 * Forgets a campaign's claimed notice (`start`, `reminder-14`, …) that was
 * not delivered, so the next claim of it succeeds and it is sent again.
 */
export async function releaseCampaignNotice(
  db: Knex,
  campaignId: string,
  notice: string,
): Promise<void> {
  await db('campaign_notices')
    .where({ campaign_id: campaignId, notice })
    .delete();
}
