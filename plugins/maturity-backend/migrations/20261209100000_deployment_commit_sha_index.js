// @ts-check

/**
 * An index to find the deployments that shipped a commit, by SHA alone:
 * incidents name the commits that caused them, and a batch's deployments
 * read looks those up among its entities' deployments. The index that
 * served the lookup, (entity_ref, sha), starts with the entity, so
 * PostgreSQL searched it once per entity and SHA of the batch (in the
 * benchmark, 500 entities × 8 SHAs: about 4,000 searches, 50–100 ms a
 * batch); by SHA it is one search per SHA.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('deployment_commits', table => {
    table.index(['sha'], 'deployment_commits_sha_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('deployment_commits', table => {
    table.dropIndex(['sha'], 'deployment_commits_sha_idx');
  });
};
