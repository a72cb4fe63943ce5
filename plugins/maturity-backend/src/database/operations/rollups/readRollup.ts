import { Rollup } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { Knex } from 'knex';

/** The stored rollup of one scope (group, system, domain or `org`), if any. */
export async function readRollup(
  db: Knex,
  scopeRef: string,
): Promise<Rollup | undefined> {
  const row = await db('rollups')
    .where('scope_ref', scopeRef)
    .first('document');
  return row ? (JSON.parse(row.document) as Rollup) : undefined;
}
