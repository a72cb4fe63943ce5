// @ts-check

/**
 * Campaign notices are claimed per owner: `campaign_notices` gains
 * `owner_ref`, part of its primary key, so a notice whose send to one group
 * failed is retried to that group only. Rows claimed before name no owner
 * ('': the notice went to every group then) and keep counting as sent to
 * every group.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('campaign_notices', table => {
    table
      .string('owner_ref', 255)
      .notNullable()
      .defaultTo('')
      .comment("The group told; '' for a notice claimed for every group");
  });
  await knex.schema.alterTable('campaign_notices', table => {
    table.dropPrimary();
    table.primary(['campaign_id', 'notice', 'owner_ref']);
  });
};

/**
 * Back to one row per notice: the owners' rows of a notice become one.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  /** @type {Array<{ campaign_id: string; notice: string; sent_at: string | number }>} */
  const rows = await knex('campaign_notices')
    .groupBy('campaign_id', 'notice')
    .select('campaign_id', 'notice', knex.raw('min(sent_at) as sent_at'));
  await knex('campaign_notices').delete();
  await knex.schema.alterTable('campaign_notices', table => {
    table.dropPrimary();
  });
  await knex.schema.alterTable('campaign_notices', table => {
    table.dropColumn('owner_ref');
    table.primary(['campaign_id', 'notice']);
  });
  if (rows.length > 0) {
    await knex('campaign_notices').insert(
      rows.map(row => ({
        campaign_id: row.campaign_id,
        notice: row.notice,
        sent_at: row.sent_at,
      })),
    );
  }
};
