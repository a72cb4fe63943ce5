import { Knex } from 'knex';
import { toDayString } from '../../campaignColumns';

/**
 * A campaign's computed days, when each was computed and whether the group
 * tree was known then, oldest first, without their figures: which days a
 * run has left to compute.
 */
export async function readComputedDays(
  db: Knex,
  campaignId: string,
): Promise<Array<{ day: string; computedAt: Date; groupTreeKnown: boolean }>> {
  const rows = await db('campaign_days')
    .where('campaign_id', campaignId)
    .orderBy('day', 'asc')
    .select('day', 'computed_at', 'group_tree_known');
  return rows.map(row => ({
    day: toDayString(Number(row.day)),
    computedAt: new Date(Number(row.computed_at)),
    groupTreeKnown: Boolean(row.group_tree_known),
  }));
}
