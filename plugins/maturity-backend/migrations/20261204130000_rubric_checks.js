// @ts-check

/**
 * Check titles, how-to-fix texts and source tags are the same in every
 * scorecard of a rubric version; they are stored once per version here
 * instead of in every scorecard document.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('rubric_checks', table => {
    table.comment('Definitions of the checks of each rubric version');
    table.string('rubric_version', 64).notNullable();
    table.string('check_id', 255).notNullable();
    table
      .text('definition')
      .notNullable()
      .comment('JSON: title, category, level, required, source, howToFix');
    table.primary(['rubric_version', 'check_id']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('rubric_checks');
};
