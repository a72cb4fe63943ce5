import { ExemptionEvent } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { Knex } from 'knex';
import { toExemptionEvent } from './exemptionRows';

/** The audit list of the entity's exemptions, newest first. */
export async function listExemptionEvents(
  db: Knex,
  entityRef: string,
): Promise<ExemptionEvent[]> {
  const rows = await db('exemption_events')
    .where('entity_ref', entityRef)
    .orderBy([
      { column: 'at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ])
    .select();
  return rows.map(toExemptionEvent);
}
