// @ts-check

/**
 * The PagerDuty source used to name an incident of a service mapped to one
 * entity by the incident id alone, and by `<incident id>:<entity ref>` when
 * several entities shared the service; it now always appends the entity
 * ref, so adding an entity no longer changes the ids of the first one's
 * incidents. PagerDuty ids contain no colon, so a stored id without one is
 * a bare id: a bare copy whose new spelling is already stored goes, the
 * others are renamed. Ids that would outgrow the column are left to the
 * source's hashed spelling.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const renamed = `incidents.external_id || ':' || incidents.entity_ref`;
  const bare = `incidents.source = 'pagerduty' and incidents.external_id not like '%:%'`;
  await knex.raw(
    `delete from incidents where ${bare} and exists (
       select 1 from incidents i
       where i.source = 'pagerduty' and i.external_id = ${renamed})`,
  );
  await knex.raw(
    `update incidents set external_id = ${renamed}
     where ${bare} and length(${renamed}) <= 255`,
  );
};

/**
 * The old spelling cannot be told apart once renamed; nothing to undo.
 */
exports.down = async function down() {};
