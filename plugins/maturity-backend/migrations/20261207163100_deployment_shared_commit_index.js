// @ts-check

/**
 * An index to find the production deploys of other entities that shipped
 * the same commit at about the same time (a deploy bundled with other
 * components, the design.4.independent-deploys check). Every other
 * deployment index starts with the entity; this probe crosses entities, so
 * without it each deploy of a batch read the whole table.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('deployments', table => {
    table.index(
      ['commit_sha', 'started_at', 'entity_ref'],
      'deployments_commit_time_idx',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('deployments', table => {
    table.dropIndex(
      ['commit_sha', 'started_at', 'entity_ref'],
      'deployments_commit_time_idx',
    );
  });
};
