import { Knex } from 'knex';
import { chunks } from '../../chunks';

/**
 * Marks exemptions as notified of their coming expiry. An exemption noted
 * already keeps its first notice (replicas racing insert it once).
 */
export async function recordExpiryNotices(
  db: Knex,
  exemptionIds: string[],
  at: Date,
): Promise<void> {
  for (const ids of chunks([...new Set(exemptionIds)], 500)) {
    await db('exemption_expiry_notices')
      .insert(ids.map(id => ({ exemption_id: id, notified_at: at.getTime() })))
      .onConflict('exemption_id')
      .ignore();
  }
}
