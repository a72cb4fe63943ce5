import { Exemption } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { Knex } from 'knex';
import { chunks } from '../../chunks';
import { toExemption } from './exemptionRows';

/**
 * The entities' approved exemptions, expired by time or not, oldest first:
 * what scoring may apply.
 */
export async function listApprovedExemptions(
  db: Knex,
  entityRefs: string[],
): Promise<Exemption[]> {
  const rows: Record<string, any>[] = [];
  // Batches keep the IN list under the databases' bound-parameter limits.
  for (const batch of chunks(entityRefs, 1000)) {
    rows.push(
      ...(await db('exemptions')
        .whereIn('entity_ref', batch)
        .where('status', 'approved')
        .orderBy('created_at', 'asc')
        .select()),
    );
  }
  return rows.map(toExemption);
}
