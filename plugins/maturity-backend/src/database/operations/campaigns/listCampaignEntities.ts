import { CampaignEntityPage } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { Knex } from 'knex';
import {
  CAMPAIGN_ENTITY_COLUMNS,
  toCampaignEntityResult,
} from './campaignEntityRows';

/**
 * A page of a campaign's in-scope entities by entity ref, with the count
 * of all that match; optionally only those meeting (or missing) the goal,
 * or owned directly by one of `ownerRefs`.
 */
export async function listCampaignEntities(
  db: Knex,
  campaignId: string,
  options: {
    meetsGoal?: boolean;
    ownerRefs?: string[];
    limit: number;
    offset: number;
  },
): Promise<CampaignEntityPage> {
  const query = db('campaign_entities').where('campaign_id', campaignId);
  if (options.meetsGoal !== undefined) {
    query.where('meets_goal', options.meetsGoal);
  }
  if (options.ownerRefs) {
    // No owner accepted: no entity (an empty list is not "any").
    if (options.ownerRefs.length === 0) return { items: [], totalCount: 0 };
    query.whereIn('owner_ref', options.ownerRefs);
  }
  const [{ n }] = await query.clone().count({ n: '*' });
  const rows = await query
    .orderBy('entity_ref', 'asc')
    .limit(options.limit)
    .offset(options.offset)
    .select(CAMPAIGN_ENTITY_COLUMNS);
  return { items: rows.map(toCampaignEntityResult), totalCount: Number(n) };
}
