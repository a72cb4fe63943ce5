// @ts-check

/**
 * An index for the scorecard list's MLOps level filter and order. Only ML
 * entities have a level (the column is null for every other entity, and
 * has been written with each evaluation since the scorecards table was
 * created, so nothing needs backfilling); a filter on it selects few rows
 * of a large table, which without the index meant reading all of them.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('scorecards', table => {
    table.index(['mlops_level', 'entity_ref'], 'scorecards_mlops_level_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('scorecards', table => {
    table.dropIndex(
      ['mlops_level', 'entity_ref'],
      'scorecards_mlops_level_idx',
    );
  });
};
