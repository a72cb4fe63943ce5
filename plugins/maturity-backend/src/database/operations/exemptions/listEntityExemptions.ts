import { Exemption } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { Knex } from 'knex';
import { toExemption } from './exemptionRows';

/** Every exemption of the entity, in any state, oldest request first. */
export async function listEntityExemptions(
  db: Knex,
  entityRef: string,
): Promise<Exemption[]> {
  const rows = await db('exemptions')
    .where('entity_ref', entityRef)
    .orderBy([{ column: 'created_at' }, { column: 'id' }])
    .select();
  return rows.map(toExemption);
}
