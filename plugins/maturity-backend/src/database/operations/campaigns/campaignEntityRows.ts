import { CampaignEntityResult } from '../../CampaignStore';

/** The columns of `campaign_entities` an entity's result is read from. */
export const CAMPAIGN_ENTITY_COLUMNS = [
  'entity_ref',
  'owner_ref',
  'title',
  'meets_goal',
  'shortfall',
];

/** A `campaign_entities` row as the store hands it out. */
export function toCampaignEntityResult(
  row: Record<string, any>,
): CampaignEntityResult {
  const result: CampaignEntityResult = {
    entityRef: row.entity_ref,
    meetsGoal: Boolean(row.meets_goal),
  };
  if (row.title !== null) result.title = row.title;
  if (row.owner_ref !== null) result.ownerRef = row.owner_ref;
  if (row.shortfall !== null) result.shortfall = JSON.parse(row.shortfall);
  return result;
}
