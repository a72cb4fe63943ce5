// @ts-check

/**
 * Precomputed results. Entity and rollup reads are single indexed queries on
 * these tables; nothing is computed at read time.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('scorecards', table => {
    table.comment('Latest scorecard per entity');
    table.string('entity_ref', 255).primary();
    table.string('kind', 64).notNullable();
    table.string('type', 64);
    table.string('lifecycle', 64);
    table.string('owner_ref', 255);
    table.string('system_ref', 255);
    table.string('domain_ref', 255);
    table.string('title', 255);
    table.integer('overall_level').notNullable();
    table.integer('level_culture').notNullable();
    table.integer('level_design').notNullable();
    table.integer('level_build_deploy').notNullable();
    table.integer('level_test').notNullable();
    table.integer('level_information').notNullable();
    table.string('delivery_band', 16);
    table.boolean('imbalanced').notNullable();
    table.integer('mlops_level');
    table.string('rubric_version', 64).notNullable();
    table.bigInteger('evaluated_at').notNullable();
    table.text('document').notNullable().comment('Scorecard JSON');
    table
      .text('check_states')
      .notNullable()
      .comment('JSON {checkId: state}, for rollups without parsing documents');
    table.index(['owner_ref'], 'scorecards_owner_idx');
    table.index(['system_ref'], 'scorecards_system_idx');
    table.index(['domain_ref'], 'scorecards_domain_idx');
    table.index(['overall_level', 'entity_ref'], 'scorecards_level_idx');
  });

  await knex.schema.createTable('entity_metrics', table => {
    table.comment('Latest metrics per entity, with evidence ids');
    table.string('entity_ref', 255).primary();
    table.bigInteger('window_from').notNullable();
    table.bigInteger('window_to').notNullable();
    table.bigInteger('evaluated_at').notNullable();
    table.text('document').notNullable().comment('EntityMetrics JSON');
  });

  await knex.schema.createTable('scorecard_history', table => {
    table.comment('One compact snapshot per entity per UTC day');
    table.string('entity_ref', 255).notNullable();
    table.integer('day').notNullable().comment('Days since 1970-01-01 UTC');
    table.integer('overall_level').notNullable();
    table.integer('level_culture').notNullable();
    table.integer('level_design').notNullable();
    table.integer('level_build_deploy').notNullable();
    table.integer('level_test').notNullable();
    table.integer('level_information').notNullable();
    table.string('delivery_band', 16);
    table.string('rubric_version', 64).notNullable();
    table.text('check_states').notNullable().comment('JSON {checkId: state}');
    table.primary(['entity_ref', 'day']);
    table.index(['day'], 'scorecard_history_day_idx');
  });

  await knex.schema.createTable('rollups', table => {
    table.comment(
      'Aggregates per group (with descendants), system, domain, org',
    );
    table.string('scope_ref', 255).primary().comment("entity ref, or 'org'");
    table.string('scope_kind', 16).notNullable();
    table.integer('entity_count').notNullable();
    table.bigInteger('computed_at').notNullable();
    table.text('document').notNullable().comment('Rollup JSON');
  });

  await knex.schema.createTable('exemptions', table => {
    table.comment('Waivers of one check for one entity');
    table.string('id', 36).primary();
    table.string('entity_ref', 255).notNullable();
    table.string('check_id', 255).notNullable();
    table.text('reason').notNullable();
    table.string('author', 255).notNullable();
    table.bigInteger('created_at').notNullable();
    table.bigInteger('expires_at');
    table.bigInteger('revoked_at');
    table.index(['entity_ref'], 'exemptions_entity_idx');
  });

  await knex.schema.createTable('evaluation_queue', table => {
    table.comment('Entities with new events, evaluated by the next run');
    table.string('entity_ref', 255).primary();
    table.bigInteger('requested_at').notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  for (const name of [
    'evaluation_queue',
    'exemptions',
    'rollups',
    'scorecard_history',
    'entity_metrics',
    'scorecards',
  ]) {
    await knex.schema.dropTable(name);
  }
};
