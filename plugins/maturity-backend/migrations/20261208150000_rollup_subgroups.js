// @ts-check

/**
 * The group tree of the stored rollups as its own small table, so the
 * sub-groups of a few groups are read in one indexed query instead of by
 * parsing each group's whole rollup document: `rollup_subgroups` holds,
 * per group rollup, the group itself and each group below it (its rollup's
 * `groupRefs`), replaced with the rollups. Filled from the rollups stored.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('rollup_subgroups', table => {
    table.comment(
      'The group tree of the stored group rollups: each group with itself and the groups below it',
    );
    table.string('group_ref', 255).notNullable();
    table.string('subgroup_ref', 255).notNullable();
    table.primary(['group_ref', 'subgroup_ref']);
  });
  /** @type {Array<{ scope_ref: string; document: string }>} */
  const groups = await knex('rollups')
    .where('scope_kind', 'group')
    .select('scope_ref', 'document');
  for (const group of groups) {
    /** @type {{ groupRefs?: string[] }} */
    const rollup = JSON.parse(group.document);
    const refs = [...new Set([group.scope_ref, ...(rollup.groupRefs ?? [])])];
    for (let i = 0; i < refs.length; i += 500) {
      await knex('rollup_subgroups').insert(
        refs.slice(i, i + 500).map(ref => ({
          group_ref: group.scope_ref,
          subgroup_ref: ref,
        })),
      );
    }
  }
};

/**
 * The group tree is read from the rollup documents again.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('rollup_subgroups');
};
