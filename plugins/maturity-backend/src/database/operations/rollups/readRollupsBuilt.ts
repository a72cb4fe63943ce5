import { Knex } from 'knex';

/**
 * Whether rollups were built: the organisation's rollup is stored (read
 * without its document).
 */
export async function readRollupsBuilt(db: Knex): Promise<boolean> {
  const row = await db('rollups').where('scope_ref', 'org').first('scope_ref');
  return row !== undefined;
}
