import { Knex } from 'knex';
import { CampaignEntityResult } from '../../CampaignStore';
import {
  CAMPAIGN_ENTITY_COLUMNS,
  toCampaignEntityResult,
} from './campaignEntityRows';

/** The entity's result in every campaign it is in scope of. */
export async function listEntityResults(
  db: Knex,
  entityRef: string,
): Promise<Array<CampaignEntityResult & { campaignId: string }>> {
  const rows = await db('campaign_entities')
    .where('entity_ref', entityRef)
    .orderBy('campaign_id')
    .select('campaign_id', ...CAMPAIGN_ENTITY_COLUMNS);
  return rows.map(row => ({
    campaignId: row.campaign_id,
    ...toCampaignEntityResult(row),
  }));
}
