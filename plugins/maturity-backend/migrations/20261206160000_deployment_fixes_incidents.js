// @ts-check

/**
 * The incidents a deployment declares it fixes, so recovery time can end at
 * the deploy that fixed a failure and not only at a rollback, a revert or
 * the incident's resolution.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('deployments', table => {
    table
      .text('fixes_incidents')
      .comment('JSON array of `<source>:<externalId>` of the incidents fixed');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('deployments', table => {
    table.dropColumn('fixes_incidents');
  });
};
