// @ts-check

/** The level columns of a scorecard or history row. */
const LEVEL_COLUMNS = [
  'overall_level',
  'level_culture',
  'level_design',
  'level_build_deploy',
  'level_test',
  'level_information',
];

/**
 * Campaigns: a scope, a goal and a deadline, with their progress computed
 * per UTC day from the stored scorecards and history.
 *
 * - `campaigns`: the campaign as its creator gave it (days since
 *   1970-01-01 UTC, like `scorecard_history.day`), and who made it.
 * - `campaign_days`: one row per campaign and computed day, the burn-up.
 * - `campaign_entities`: the in-scope entities of the latest computed day,
 *   so an entity's tab and a team's rollup read them with one indexed query.
 * - `campaign_notices`: the notices sent, claimed by insert so each goes
 *   out once across replicas.
 * - `scorecards.tags`: the entity's catalog tags, for scopes and the list
 *   filter; null on rows written before (no tag matches them until the
 *   next evaluation).
 * - `scorecard_history`: the MLOps level and the levels without waivers
 *   with each point, so past days of a campaign read what today's do; null
 *   on older points (not an ML entity that day; levels as displayed). And
 *   when each point was written, so a campaign's days computed before a
 *   point of their past landed (the history back-fill) are computed again.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('campaigns', table => {
    table.comment('Campaigns: a scope, a goal, a start and a deadline');
    table.string('id', 36).primary();
    table.string('title', 255).notNullable();
    table.text('description').notNullable();
    table.string('owner_ref', 255).notNullable();
    table.text('scope').notNullable().comment('EntityFilter JSON');
    table.text('goal').notNullable().comment('CampaignGoal JSON');
    table.boolean('allow_exemptions').notNullable();
    table
      .integer('starts_on')
      .notNullable()
      .comment('Days since 1970-01-01 UTC');
    table
      .integer('deadline')
      .notNullable()
      .comment('Days since 1970-01-01 UTC; the last day, inclusive');
    table
      .text('milestones')
      .notNullable()
      .comment('JSON [{date, targetShare}]');
    table.text('reminder_days').notNullable().comment('JSON [days before]');
    table.string('created_by', 255).notNullable();
    table.bigInteger('created_at').notNullable();
    table.string('updated_by', 255).notNullable();
    table.bigInteger('updated_at').notNullable();
    table
      .bigInteger('finished_at')
      .comment('Set once the deadline is computed; read-only from then');
    table.index(['deadline', 'id'], 'campaigns_deadline_idx');
  });

  await knex.schema.createTable('campaign_days', table => {
    table.comment('The figures of a campaign on one UTC day: its burn-up');
    table
      .string('campaign_id', 36)
      .notNullable()
      .references('id')
      .inTable('campaigns')
      .onDelete('CASCADE');
    table.integer('day').notNullable().comment('Days since 1970-01-01 UTC');
    table.integer('in_scope').notNullable();
    table.integer('meeting').notNullable();
    table
      .text('teams')
      .notNullable()
      .comment('JSON [{ownerRef, inScope, meeting}]');
    table.bigInteger('computed_at').notNullable();
    table.primary(['campaign_id', 'day']);
  });

  await knex.schema.createTable('campaign_entities', table => {
    table.comment(
      'The in-scope entities of a campaign on its latest computed day',
    );
    table
      .string('campaign_id', 36)
      .notNullable()
      .references('id')
      .inTable('campaigns')
      .onDelete('CASCADE');
    table.string('entity_ref', 255).notNullable();
    table.string('owner_ref', 255);
    table.string('title', 255);
    table.boolean('meets_goal').notNullable();
    table.text('shortfall').comment('CampaignShortfall JSON; null when met');
    table.primary(['campaign_id', 'entity_ref']);
    table.index(['entity_ref'], 'campaign_entities_entity_idx');
    table.index(
      ['campaign_id', 'meets_goal', 'entity_ref'],
      'campaign_entities_goal_idx',
    );
    table.index(['owner_ref', 'campaign_id'], 'campaign_entities_owner_idx');
  });

  await knex.schema.createTable('campaign_notices', table => {
    table.comment('Notices of a campaign sent to owners, each once');
    table
      .string('campaign_id', 36)
      .notNullable()
      .references('id')
      .inTable('campaigns')
      .onDelete('CASCADE');
    table.string('notice', 64).notNullable().comment('start, reminder-<days>');
    table.bigInteger('sent_at').notNullable();
    table.primary(['campaign_id', 'notice']);
  });

  await knex.schema.alterTable('scorecards', table => {
    table
      .text('tags')
      .comment('JSON array of the entity catalog tags, lower case');
  });

  await knex.schema.alterTable('scorecard_history', table => {
    table.integer('mlops_level');
    for (const column of LEVEL_COLUMNS) {
      table.integer(`${column}_without_waivers`);
    }
    table
      .text('waived_check_states')
      .comment(
        'JSON {checkId: state}: the state each exempt check would have without its exemption',
      );
    table
      .bigInteger('written_at')
      .comment('When the point was last written; null on older points');
    table.index(['written_at'], 'scorecard_history_written_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('scorecard_history', table => {
    table.dropIndex(['written_at'], 'scorecard_history_written_idx');
    table.dropColumns(
      'written_at',
      'mlops_level',
      ...LEVEL_COLUMNS.map(column => `${column}_without_waivers`),
      'waived_check_states',
    );
  });
  await knex.schema.alterTable('scorecards', table => {
    table.dropColumn('tags');
  });
  for (const name of [
    'campaign_notices',
    'campaign_entities',
    'campaign_days',
    'campaigns',
  ]) {
    await knex.schema.dropTable(name);
  }
};
