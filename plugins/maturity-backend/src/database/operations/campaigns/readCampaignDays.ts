import { Knex } from 'knex';
import { toDayString } from '../../campaignColumns';
import { CampaignDayFigures } from '../../CampaignStore';

/** A campaign's computed days, oldest first. */
export async function readCampaignDays(
  db: Knex,
  campaignId: string,
): Promise<CampaignDayFigures[]> {
  const rows = await db('campaign_days')
    .where('campaign_id', campaignId)
    .orderBy('day', 'asc')
    .select('day', 'in_scope', 'meeting', 'teams');
  return rows.map(row => ({
    day: toDayString(Number(row.day)),
    inScope: Number(row.in_scope),
    meeting: Number(row.meeting),
    teams: JSON.parse(row.teams),
  }));
}
