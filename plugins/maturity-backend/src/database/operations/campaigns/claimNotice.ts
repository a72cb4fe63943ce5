import { Knex } from 'knex';

/**
 * Claims a campaign's notice (`start`, `reminder-14`, …) for sending: true
 * for the one caller whose row went in, false when it was claimed before,
 * by this replica or another (the primary key decides, in one statement).
 */
export async function claimNotice(
  db: Knex,
  campaignId: string,
  notice: string,
  at: Date,
): Promise<boolean> {
  const inserted = await db('campaign_notices')
    .insert({ campaign_id: campaignId, notice, sent_at: at.getTime() })
    .onConflict(['campaign_id', 'notice'])
    .ignore()
    .returning('notice');
  return inserted.length > 0;
}
