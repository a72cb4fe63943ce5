// @ts-check

/**
 * Whether the database is a PostgreSQL server that can compress with lz4.
 *
 * @param {import('knex').Knex} knex
 */
async function supportsLz4(knex) {
  const client = String(knex.client.config.client);
  if (client !== 'pg' && !client.startsWith('postgres')) return false;
  const { rows } = await knex.raw(
    `select 1 from pg_settings
     where name = 'default_toast_compression' and 'lz4' = any(enumvals)`,
  );
  return rows.length > 0;
}

/**
 * PostgreSQL compresses large JSON documents with pglz by default, which
 * took most of the time of saving an evaluation; lz4 (PostgreSQL 14 and
 * later, when the server is built with it) compresses several times
 * faster. Existing values keep their compression until rewritten. Other
 * databases are left alone.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (!(await supportsLz4(knex))) return;
  await knex.raw(`alter table scorecards
    alter column document set compression lz4,
    alter column check_states set compression lz4`);
  await knex.raw(
    'alter table entity_metrics alter column document set compression lz4',
  );
  await knex.raw(
    'alter table scorecard_history alter column check_states set compression lz4',
  );
  await knex.raw(
    'alter table rollups alter column document set compression lz4',
  );
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  if (!(await supportsLz4(knex))) return;
  await knex.raw(`alter table scorecards
    alter column document set compression default,
    alter column check_states set compression default`);
  await knex.raw(
    'alter table entity_metrics alter column document set compression default',
  );
  await knex.raw(
    'alter table scorecard_history alter column check_states set compression default',
  );
  await knex.raw(
    'alter table rollups alter column document set compression default',
  );
};
