import { Knex } from 'knex';

/** Whether a knex client talks to PostgreSQL. */
export function isPostgres(db: Knex): boolean {
  const client = String(db.client.config.client);
  return client === 'pg' || client.startsWith('postgres');
}
