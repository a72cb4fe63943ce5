import { Exemption } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { Knex } from 'knex';
import { chunks } from '../../chunks';
import { toExemption } from './exemptionRows';

/**
 * Approved exemptions whose expiry is at or before `now` become expired,
 * ending at their expiry, each with its audit row; returns them.
 */
export async function expireExemptions(
  db: Knex,
  now: Date,
  actor: string,
): Promise<Exemption[]> {
  return db.transaction(async tx => {
    const rows: Record<string, any>[] = await tx('exemptions')
      .where('status', 'approved')
      .where('expires_at', '<=', now.getTime())
      .update({ status: 'expired', revoked_at: tx.ref('expires_at') }, '*');
    for (const batch of chunks(rows, 500)) {
      await tx('exemption_events').insert(
        batch.map(row => ({
          exemption_id: row.id,
          entity_ref: row.entity_ref,
          check_id: row.check_id,
          action: 'expired',
          actor,
          at: Number(row.expires_at),
          comment: null,
        })),
      );
    }
    return rows.map(toExemption);
  });
}
