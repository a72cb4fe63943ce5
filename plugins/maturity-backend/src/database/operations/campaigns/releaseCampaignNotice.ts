import { Knex } from 'knex';

/**
 * Forgets a campaign's notice (`start`, `reminder-14`, …) claimed for one
 * owner and not delivered to it, so the next claim of it for that owner
 * succeeds and it is sent again; the other owners' claims stay.
 */
export async function releaseCampaignNotice(
  db: Knex,
  campaignId: string,
  notice: string,
  ownerRef: string,
): Promise<void> {
  await db('campaign_notices')
    .where({ campaign_id: campaignId, notice, owner_ref: ownerRef })
    .delete();
}
