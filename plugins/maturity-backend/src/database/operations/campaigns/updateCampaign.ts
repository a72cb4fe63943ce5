import { CampaignInput } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { Knex } from 'knex';
import { campaignInputColumns } from '../../campaignColumns';
import { CampaignChangeOutcome } from '../../CampaignStore';
import { whyUnchanged } from './campaignChangeOutcome';

/**
 * Replaces the input of a campaign not finished and forgets its computed
 * days and entities (its scope or goal may have changed, so every day is
 * computed again), in one transaction. Its sent notices stay sent.
 */
export async function updateCampaign(
  db: Knex,
  id: string,
  input: Required<CampaignInput>,
  by: string,
  at: Date,
): Promise<CampaignChangeOutcome> {
  return db.transaction(async tx => {
    const updated = await tx('campaigns')
      .where('id', id)
      .whereNull('finished_at')
      .update({
        ...campaignInputColumns(input),
        updated_by: by,
        updated_at: at.getTime(),
      });
    if (updated === 0) return whyUnchanged(tx, id);
    await tx('campaign_days').where('campaign_id', id).delete();
    await tx('campaign_entities').where('campaign_id', id).delete();
    return 'done';
  });
}
