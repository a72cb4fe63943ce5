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

/** The large JSON columns, by table. */
const COLUMNS = {
  scorecards: ['document', 'check_states'],
  entity_metrics: ['document'],
  scorecard_history: ['check_states'],
  rollups: ['document'],
};

/**
 * Sets the compression of every large JSON column, where lz4 is available.
 *
 * @param {import('knex').Knex} knex
 * @param {'lz4' | 'default'} method
 */
async function setCompression(knex, method) {
  if (!(await supportsLz4(knex))) return;
  for (const [table, columns] of Object.entries(COLUMNS)) {
    const alterations = columns
      .map(column => `alter column ${column} set compression ${method}`)
      .join(', ');
    await knex.raw(`alter table ${table} ${alterations}`);
  }
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
  await setCompression(knex, 'lz4');
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await setCompression(knex, 'default');
};
