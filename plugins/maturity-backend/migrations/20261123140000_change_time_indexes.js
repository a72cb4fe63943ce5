// @ts-check

/**
 * Changes are read for a window by merge, authoring or occurrence time
 * (whichever falls in it); with an index per time both engines answer the
 * three-way OR from index ranges instead of every change of the entity.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('changes', table => {
    table.index(['entity_ref', 'merged_at'], 'changes_entity_merged_idx');
    table.index(['entity_ref', 'authored_at'], 'changes_entity_authored_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('changes', table => {
    table.dropIndex(['entity_ref', 'merged_at'], 'changes_entity_merged_idx');
    table.dropIndex(
      ['entity_ref', 'authored_at'],
      'changes_entity_authored_idx',
    );
  });
};
