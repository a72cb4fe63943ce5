import { Knex } from 'knex';

/** Where a source's sync of a scope left off, if it ran before. */
export async function readSyncCursor(
  db: Knex,
  source: string,
  scope: string,
): Promise<string | undefined> {
  const row = await db('sync_cursors').where({ source, scope }).first('cursor');
  return row?.cursor;
}

/** Records where a source's sync of a scope left off. */
export async function writeSyncCursor(
  db: Knex,
  source: string,
  scope: string,
  cursor: string,
): Promise<void> {
  await db('sync_cursors')
    .insert({ source, scope, cursor, updated_at: Date.now() })
    .onConflict(['source', 'scope'])
    .merge(['cursor', 'updated_at']);
}
