// @ts-check

/** The level columns of a history row. */
const LEVEL_COLUMNS = [
  'overall_level',
  'level_culture',
  'level_design',
  'level_build_deploy',
  'level_test',
  'level_information',
];

/**
 * Levels that do not flap:
 * - `scorecards.held_levels`: each category's held level and how many
 *   days in a row evaluations found it below (JSON), read back by the next
 *   evaluation. Null on rows written before: their levels start held as
 *   they are.
 * - `scorecard_history.raw_*`: the raw levels beside the held ones, so a
 *   trend shows both. Null on older points, whose levels were raw.
 * - `check_versions`: when each check, by the fingerprint of its rule,
 *   was first seen, so a new or changed check is advisory for a while.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('scorecards', table => {
    table
      .text('held_levels')
      .comment(
        'JSON {category: [held level, days found below, last such UTC day | null]}',
      );
  });
  await knex.schema.alterTable('scorecard_history', table => {
    for (const column of LEVEL_COLUMNS) {
      table.integer(`raw_${column}`);
    }
  });
  await knex.schema.createTable('check_versions', table => {
    table.comment('When each version of a rubric check was first seen');
    table.string('check_id', 255).notNullable();
    table
      .string('fingerprint', 16)
      .notNullable()
      .comment('Hash of the check rule, category, level and required flag');
    table
      .integer('first_seen_day')
      .notNullable()
      .comment('Days since 1970-01-01 UTC; 0 for checks of the first rubric');
    table.primary(['check_id', 'fingerprint']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('check_versions');
  await knex.schema.alterTable('scorecard_history', table => {
    table.dropColumns(...LEVEL_COLUMNS.map(column => `raw_${column}`));
  });
  await knex.schema.alterTable('scorecards', table => {
    table.dropColumn('held_levels');
  });
};
