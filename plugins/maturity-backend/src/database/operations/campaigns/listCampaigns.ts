import { Knex } from 'knex';
import { selectCampaigns, toStoredCampaign } from '../../campaignColumns';
import { StoredCampaign } from '../../CampaignStore';

/**
 * Every campaign with its latest figures, nearest deadline first; with
 * `ids`, only those; with `unfinished`, none marked finished.
 */
export async function listCampaigns(
  db: Knex,
  filter: { ids?: string[]; unfinished?: boolean } = {},
): Promise<StoredCampaign[]> {
  let query = selectCampaigns(db);
  if (filter.ids) query = query.whereIn('c.id', filter.ids);
  if (filter.unfinished) query = query.whereNull('c.finished_at');
  const rows = await query.orderBy([
    { column: 'c.deadline', order: 'asc' },
    { column: 'c.id', order: 'asc' },
  ]);
  return rows.map(toStoredCampaign);
}
