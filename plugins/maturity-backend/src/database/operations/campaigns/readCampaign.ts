import { Knex } from 'knex';
import { selectCampaigns, toStoredCampaign } from '../../campaignColumns';
import { StoredCampaign } from '../../CampaignStore';

/** One campaign with its latest figures; undefined when there is none. */
export async function readCampaign(
  db: Knex,
  id: string,
): Promise<StoredCampaign | undefined> {
  const row = await selectCampaigns(db).where('c.id', id).first();
  return row ? toStoredCampaign(row) : undefined;
}
