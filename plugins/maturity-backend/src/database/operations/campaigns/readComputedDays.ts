import { Knex } from 'knex';
import { toDayString } from '../../campaignColumns';

/**
 * A campaign's computed days and when each was computed, oldest first,
 * without their figures: which days a run has left to compute.
 */
export async function readComputedDays(
  db: Knex,
  campaignId: string,
): Promise<Array<{ day: string; computedAt: Date }>> {
  const rows = await db('campaign_days')
    .where('campaign_id', campaignId)
    .orderBy('day', 'asc')
    .select('day', 'computed_at');
  return rows.map(row => ({
    day: toDayString(Number(row.day)),
    computedAt: new Date(Number(row.computed_at)),
  }));
}
