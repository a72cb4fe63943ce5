import { Knex } from 'knex';
import { ExpiringExemption } from '../../ExemptionExpiryNotices';

/**
 * Approved exemptions expiring in (`from`, `until`] that have no expiry
 * notice yet, with the owner their entity's scorecard stored; soonest
 * first. One statement over the status-and-expiry index.
 */
export async function listUnnotifiedExpiring(
  db: Knex,
  from: Date,
  until: Date,
): Promise<ExpiringExemption[]> {
  const rows: Array<Record<string, any>> = await db('exemptions as e')
    .leftJoin('exemption_expiry_notices as n', 'n.exemption_id', 'e.id')
    .leftJoin('scorecards as s', 's.entity_ref', 'e.entity_ref')
    .where('e.status', 'approved')
    .where('e.expires_at', '>', from.getTime())
    .where('e.expires_at', '<=', until.getTime())
    .whereNull('n.exemption_id')
    .orderBy([
      { column: 'e.expires_at', order: 'asc' },
      { column: 'e.id', order: 'asc' },
    ])
    .select(
      'e.id',
      'e.entity_ref',
      'e.check_id',
      'e.author',
      'e.expires_at',
      's.owner_ref',
    );
  return rows.map(row => ({
    id: row.id,
    entityRef: row.entity_ref,
    checkId: row.check_id,
    author: row.author,
    expiresAt: new Date(Number(row.expires_at)),
    ...(row.owner_ref ? { ownerRef: row.owner_ref } : {}),
  }));
}
