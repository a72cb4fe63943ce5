// @ts-check

/** The level columns of a scorecard row, beside their counterparts. */
const LEVEL_COLUMNS = [
  'overall_level',
  'level_culture',
  'level_design',
  'level_build_deploy',
  'level_test',
  'level_information',
];

/**
 * Levels without waivers: each scorecard's levels as they would be if its
 * exempt checks counted with the state their data gave, and those states,
 * so the list filters and sorts by them and rollups count waivers as debt.
 *
 * A row without an exempt check has the same levels without waivers and
 * is filled here. A row with one cannot be: the state its exemption
 * replaced was not kept; its columns stay null (unknown) until the next
 * evaluation writes them.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('scorecards', table => {
    for (const column of LEVEL_COLUMNS) {
      table.integer(`${column}_without_waivers`);
    }
    table
      .text('waived_check_states')
      .comment(
        'JSON {checkId: state}: the state each exempt check would have without its exemption',
      );
    table.index(
      ['overall_level_without_waivers', 'entity_ref'],
      'scorecards_level_without_waivers_idx',
    );
  });
  await knex('scorecards')
    .whereNot('check_states', 'like', '%"exempt"%')
    .update({
      ...Object.fromEntries(
        LEVEL_COLUMNS.map(column => [
          `${column}_without_waivers`,
          knex.ref(column),
        ]),
      ),
      waived_check_states: '{}',
    });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('scorecards', table => {
    table.dropIndex(
      ['overall_level_without_waivers', 'entity_ref'],
      'scorecards_level_without_waivers_idx',
    );
    table.dropColumns(
      ...LEVEL_COLUMNS.map(column => `${column}_without_waivers`),
      'waived_check_states',
    );
  });
};
