import { Knex } from 'knex';
import { chunks } from '../../chunks';

// Rows per statement, well below both engines' bind-parameter limits.
const CHUNK_SIZE = 500;

/**
 * Claims a campaign's notice (`start`, `reminder-14`, …) for sending to
 * the given owners at once: the owners whose row went in, in one insert
 * (per 500 owners) that skips those claimed before, by this replica or
 * another (the primary key decides; each owner is claimed by one caller).
 * None when the notice was claimed for every owner (a row without an
 * owner, from before notices were claimed per owner).
 */
export async function claimNotice(
  db: Knex,
  campaignId: string,
  notice: string,
  ownerRefs: readonly string[],
  at: Date,
): Promise<string[]> {
  // In one order for every caller: concurrent claims of overlapping owners
  // in different orders would deadlock on PostgreSQL's unique index.
  const owners = [...new Set(ownerRefs)].filter(ref => ref !== '').sort();
  if (owners.length === 0) return [];
  const forEveryOwner = await db('campaign_notices')
    .where({ campaign_id: campaignId, notice, owner_ref: '' })
    .first('notice');
  if (forEveryOwner) return [];
  const claimed: string[] = [];
  for (const batch of chunks(owners, CHUNK_SIZE)) {
    const rows: Array<{ owner_ref: string }> = await db('campaign_notices')
      .insert(
        batch.map(ownerRef => ({
          campaign_id: campaignId,
          notice,
          owner_ref: ownerRef,
          sent_at: at.getTime(),
        })),
      )
      .onConflict(['campaign_id', 'notice', 'owner_ref'])
      .ignore()
      .returning('owner_ref');
    claimed.push(...rows.map(row => row.owner_ref));
  }
  return claimed;
}
