// @ts-check

/**
 * The exemptions whose owners were told they expire soon: the daily notice
 * goes out once per exemption, whichever replica runs it.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('exemption_expiry_notices', table => {
    table.comment('Exemptions whose coming expiry was notified to the owner');
    table.string('exemption_id', 36).primary();
    table.bigInteger('notified_at').notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('exemption_expiry_notices');
};
