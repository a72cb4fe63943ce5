import { Knex } from 'knex';
import { isPostgres } from '../isPostgres';

/** The names of a table's indexes, sorted, on PostgreSQL or SQLite. */
export async function indexesOf(knex: Knex, table: string): Promise<string[]> {
  if (isPostgres(knex)) {
    const { rows } = await knex.raw(
      'select indexname from pg_indexes where tablename = ? order by 1',
      [table],
    );
    return rows.map((r: { indexname: string }) => r.indexname);
  }
  const rows = await knex.raw(
    "select name from sqlite_master where type = 'index' and tbl_name = ? order by 1",
    [table],
  );
  return rows.map((r: { name: string }) => r.name);
}
