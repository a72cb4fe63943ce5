import { Knex } from 'knex';
import { campaignInputColumns } from '../../campaignColumns';
import { StoredCampaign } from '../../CampaignStore';

/** Stores a new campaign; its figures come with its first computation. */
export async function createCampaign(
  db: Knex,
  campaign: StoredCampaign,
): Promise<void> {
  await db('campaigns').insert({
    id: campaign.id,
    ...campaignInputColumns(campaign),
    created_by: campaign.createdBy,
    created_at: campaign.createdAt.getTime(),
    updated_by: campaign.updatedBy,
    updated_at: campaign.updatedAt.getTime(),
    finished_at: campaign.finishedAt?.getTime() ?? null,
  });
}
