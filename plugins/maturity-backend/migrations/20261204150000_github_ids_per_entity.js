// @ts-check

/**
 * The GitHub source used to name an event of a repository mapped to one
 * entity by the GitHub id alone, and by the id and the entity ref when
 * several entities shared the repository; it now always appends the entity
 * ref, so adding an entity no longer changes the ids of the first one's
 * events. Stored events get the new spelling here: an old copy whose new
 * spelling is already stored goes, the others are renamed. Ids that would
 * outgrow the column are left to the source's hashed spelling.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  for (const table of ['builds', 'deployments', 'changes']) {
    const renamed = `${table}.external_id || ' ' || ${table}.entity_ref`;
    const bare = `${table}.source = 'github' and ${table}.external_id not like '% %'`;
    await knex.raw(
      `delete from ${table} where ${bare} and exists (
         select 1 from ${table} t
         where t.source = 'github' and t.external_id = ${renamed})`,
    );
    await knex.raw(
      `update ${table} set external_id = ${renamed}
       where ${bare} and length(${renamed}) <= 255`,
    );
  }
};

/**
 * The old spelling cannot be told apart once renamed; nothing to undo.
 */
exports.down = async function down() {};
