// @ts-check

/**
 * The metrics look commits up per entity: "was this merge commit built",
 * "how did the last run on this pull request's commits end", "did this
 * commit reach another environment first", "which changes did this
 * deployment ship". Single-column SHA indexes answered those with a table
 * row fetch per probe; entity-first indexes that also hold the probed
 * columns answer them from the index alone, on SQLite and PostgreSQL.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('builds', table => {
    table.dropIndex(['commit_sha'], 'builds_commit_sha_idx');
    table.index(
      ['entity_ref', 'commit_sha', 'started_at', 'status'],
      'builds_entity_commit_idx',
    );
  });
  await knex.schema.alterTable('deployments', table => {
    table.dropIndex(['commit_sha'], 'deployments_commit_sha_idx');
    table.index(
      ['entity_ref', 'commit_sha', 'started_at', 'status', 'environment'],
      'deployments_entity_commit_idx',
    );
  });
  await knex.schema.alterTable('change_commits', table => {
    table.dropIndex(['entity_ref', 'sha'], 'change_commits_entity_sha_idx');
    table.index(
      ['entity_ref', 'sha', 'change_id'],
      'change_commits_entity_sha_idx',
    );
  });
  await knex.schema.alterTable('deployment_commits', table => {
    table.dropIndex(['entity_ref', 'sha'], 'deployment_commits_entity_sha_idx');
    table.index(
      ['entity_ref', 'sha', 'deployment_id'],
      'deployment_commits_entity_sha_idx',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('deployment_commits', table => {
    table.dropIndex(
      ['entity_ref', 'sha', 'deployment_id'],
      'deployment_commits_entity_sha_idx',
    );
    table.index(['entity_ref', 'sha'], 'deployment_commits_entity_sha_idx');
  });
  await knex.schema.alterTable('change_commits', table => {
    table.dropIndex(
      ['entity_ref', 'sha', 'change_id'],
      'change_commits_entity_sha_idx',
    );
    table.index(['entity_ref', 'sha'], 'change_commits_entity_sha_idx');
  });
  await knex.schema.alterTable('deployments', table => {
    table.dropIndex(
      ['entity_ref', 'commit_sha', 'started_at', 'status', 'environment'],
      'deployments_entity_commit_idx',
    );
    table.index(['commit_sha'], 'deployments_commit_sha_idx');
  });
  await knex.schema.alterTable('builds', table => {
    table.dropIndex(
      ['entity_ref', 'commit_sha', 'started_at', 'status'],
      'builds_entity_commit_idx',
    );
    table.index(['commit_sha'], 'builds_commit_sha_idx');
  });
};
