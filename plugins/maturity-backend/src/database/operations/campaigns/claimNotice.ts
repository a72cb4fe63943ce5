import { Knex } from 'knex';

/**
 * Claims a campaign's notice (`start`, `reminder-14`, …) for sending to one
 * owner: true for the one caller whose row went in, false when it was
 * claimed before for that owner, by this replica or another (the primary
 * key decides, in one statement), or for every owner (a row without an
 * owner, from before notices were claimed per owner).
 */
export async function claimNotice(
  db: Knex,
  campaignId: string,
  notice: string,
  ownerRef: string,
  at: Date,
): Promise<boolean> {
  const forEveryOwner = await db('campaign_notices')
    .where({ campaign_id: campaignId, notice, owner_ref: '' })
    .first('notice');
  if (forEveryOwner) return false;
  const inserted = await db('campaign_notices')
    .insert({
      campaign_id: campaignId,
      notice,
      owner_ref: ownerRef,
      sent_at: at.getTime(),
    })
    .onConflict(['campaign_id', 'notice', 'owner_ref'])
    .ignore()
    .returning('notice');
  return inserted.length > 0;
}
