// @ts-check

/**
 * A campaign's day records whether the group tree was known when it was
 * computed: before the first rollups a campaign naming groups with their
 * sub-groups counts only the named groups' own entities, and such a day is
 * computed again once the tree is known (and never finishes a campaign).
 * Days computed before count as computed with the tree.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('campaign_days', table => {
    table
      .boolean('group_tree_known')
      .notNullable()
      .defaultTo(true)
      .comment(
        "False for a day computed before the group tree was known: the named groups' own entities only",
      );
  });
};

/**
 * Days no longer say whether the group tree was known.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('campaign_days', table => {
    table.dropColumn('group_tree_known');
  });
};
