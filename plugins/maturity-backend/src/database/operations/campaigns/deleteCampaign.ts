import { Knex } from 'knex';
import { CampaignChangeOutcome } from '../../CampaignStore';
import { whyUnchanged } from './campaignChangeOutcome';

/**
 * Deletes a campaign not finished with its days, entities and notices, in
 * one transaction. (The foreign keys cascade too; the explicit deletes do
 * not depend on the engine enforcing them.)
 */
export async function deleteCampaign(
  db: Knex,
  id: string,
): Promise<CampaignChangeOutcome> {
  return db.transaction(async tx => {
    const open = await tx('campaigns')
      .where('id', id)
      .whereNull('finished_at')
      .first('id');
    if (!open) return whyUnchanged(tx, id);
    for (const table of [
      'campaign_days',
      'campaign_entities',
      'campaign_notices',
    ]) {
      await tx(table).where('campaign_id', id).delete();
    }
    await tx('campaigns').where('id', id).delete();
    return 'done';
  });
}
