// @ts-check

/**
 * The commits of each deployment and change, one row per (record, sha), so
 * changes can be linked to the deployments that shipped them with plain joins
 * on both SQLite and PostgreSQL (the JSON arrays of the event tables cannot be
 * joined portably). SHAs are stored lower-cased.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('deployment_commits', table => {
    table.comment('Commits deployed or shipped by each deployment');
    table
      .bigInteger('deployment_id')
      .notNullable()
      .references('id')
      .inTable('deployments')
      .onDelete('CASCADE');
    table.string('entity_ref', 255).notNullable();
    table.string('sha', 64).notNullable();
    table.primary(['deployment_id', 'sha']);
    table.index(['entity_ref', 'sha'], 'deployment_commits_entity_sha_idx');
  });

  await knex.schema.createTable('change_commits', table => {
    table.comment('Merge commit and commits of each change');
    table
      .bigInteger('change_id')
      .notNullable()
      .references('id')
      .inTable('changes')
      .onDelete('CASCADE');
    table.string('entity_ref', 255).notNullable();
    table.string('sha', 64).notNullable();
    table.primary(['change_id', 'sha']);
    table.index(['entity_ref', 'sha'], 'change_commits_entity_sha_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('change_commits');
  await knex.schema.dropTable('deployment_commits');
};
