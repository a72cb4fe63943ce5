// @ts-check

/**
 * What an evaluation read besides the metrics (the entity's catalog facts,
 * its repository facts as the rubric saw them, the connected tools and the
 * days of history), stored beside the metrics so that a proposed rubric can
 * be evaluated from stored data alone, without reading raw events or the
 * catalog. Null for entities not evaluated since; the next evaluation run
 * fills it.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('entity_metrics', table => {
    table
      .text('rubric_inputs')
      .nullable()
      .comment('JSON: the evaluation input without metrics and exemptions');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('entity_metrics', table => {
    table.dropColumn('rubric_inputs');
  });
};
