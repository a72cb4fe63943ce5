import { Knex } from 'knex';
import { selectCampaigns, toStoredCampaign } from '../../campaignColumns';
import { StoredCampaign } from '../../CampaignStore';

/** Every campaign with its latest figures, nearest deadline first. */
export async function listCampaigns(db: Knex): Promise<StoredCampaign[]> {
  const rows = await selectCampaigns(db).orderBy([
    { column: 'c.deadline', order: 'asc' },
    { column: 'c.id', order: 'asc' },
  ]);
  return rows.map(toStoredCampaign);
}
