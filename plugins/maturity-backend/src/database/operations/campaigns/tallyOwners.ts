import { CampaignTally } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { Knex } from 'knex';
import { chunks } from '../../chunks';

// Owner refs per statement: a group with its sub-groups may be many.
const CHUNK_SIZE = 1000;

/**
 * Per campaign, how many of its in-scope entities are owned by any of
 * `ownerRefs` and how many of those meet the goal. Campaigns with none
 * are absent.
 */
export async function tallyOwners(
  db: Knex,
  ownerRefs: string[],
): Promise<Map<string, CampaignTally>> {
  const tallies = new Map<string, CampaignTally>();
  for (const batch of chunks([...new Set(ownerRefs)], CHUNK_SIZE)) {
    const rows = await db('campaign_entities')
      .whereIn('owner_ref', batch)
      .groupBy('campaign_id')
      .select(
        'campaign_id',
        db.raw('count(*) as in_scope'),
        db.raw('sum(case when meets_goal then 1 else 0 end) as meeting'),
      );
    for (const row of rows) {
      const tally = tallies.get(row.campaign_id) ?? { inScope: 0, meeting: 0 };
      tally.inScope += Number(row.in_scope);
      tally.meeting += Number(row.meeting);
      tallies.set(row.campaign_id, tally);
    }
  }
  return tallies;
}
