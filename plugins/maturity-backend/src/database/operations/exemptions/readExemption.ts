import { Exemption } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { Knex } from 'knex';
import { toExemption } from './exemptionRows';

/** The exemption of the id, if any. */
export async function readExemption(
  db: Knex,
  id: string,
): Promise<Exemption | undefined> {
  const row = await db('exemptions').where('id', id).first();
  return row ? toExemption(row) : undefined;
}
