// @ts-check

/**
 * Raw events, normalized per type. Times are epoch milliseconds (bigint) so the
 * same arithmetic works on SQLite and PostgreSQL. Every table has a unique key
 * on the source identity (idempotent upserts) and an (entity_ref, occurred_at)
 * index for the entity reads and the windowed metrics.
 *
 * `version` is the source's last-modified time and `content_hash` a digest of
 * the normalized record: an upsert writes only when the version is newer, or
 * equal with different content, so a replay touches no row.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  /** @param {import('knex').Knex.CreateTableBuilder} table */
  const eventColumns = table => {
    table.bigIncrements('id');
    table.string('source', 64).notNullable();
    table.string('entity_ref', 255).notNullable();
    table.bigInteger('occurred_at').notNullable();
    table.bigInteger('version').notNullable();
    table.string('content_hash', 64).notNullable();
    table.bigInteger('ingested_at').notNullable();
    table.text('url');
  };

  await knex.schema.createTable('builds', table => {
    table.comment('CI pipeline runs');
    eventColumns(table);
    table.string('external_id', 255).notNullable();
    table.string('pipeline', 255);
    table.string('branch', 255);
    table.boolean('is_default_branch');
    table.string('commit_sha', 64);
    table.string('trigger', 32);
    table.string('status', 32).notNullable();
    table.bigInteger('started_at').notNullable();
    table.bigInteger('finished_at');
    table.text('steps').comment('JSON array of step kinds');
    table.unique(['source', 'external_id'], {
      indexName: 'builds_source_external_id_uq',
    });
    table.index(['entity_ref', 'occurred_at'], 'builds_entity_time_idx');
    table.index(['commit_sha'], 'builds_commit_sha_idx');
  });

  await knex.schema.createTable('deployments', table => {
    table.comment('Deployments of an entity to an environment');
    eventColumns(table);
    table.string('external_id', 255).notNullable();
    table.string('environment', 128).notNullable();
    table.string('commit_sha', 64);
    table.text('commit_shas').comment('JSON array of shipped commit SHAs');
    table.string('status', 32).notNullable();
    table.string('reason', 32);
    table.boolean('automated');
    table.string('strategy', 64);
    table.bigInteger('started_at').notNullable();
    table.bigInteger('finished_at');
    table.unique(['source', 'external_id'], {
      indexName: 'deployments_source_external_id_uq',
    });
    table.index(['entity_ref', 'occurred_at'], 'deployments_entity_time_idx');
    table.index(['commit_sha'], 'deployments_commit_sha_idx');
  });

  await knex.schema.createTable('changes', table => {
    table.comment('Pull requests and commits');
    eventColumns(table);
    table.string('external_id', 255).notNullable();
    table.string('kind', 32).notNullable();
    table.string('state', 32).notNullable();
    table.text('title');
    table.string('author', 255);
    table.string('target_branch', 255);
    table.string('sha', 64);
    table.text('commit_shas').comment('JSON array of the change commits');
    table.bigInteger('authored_at');
    table.bigInteger('opened_at');
    table.bigInteger('first_review_at');
    table.bigInteger('approved_at');
    table.bigInteger('merged_at');
    table.bigInteger('closed_at');
    table.integer('review_count');
    table.boolean('direct_push');
    table.boolean('is_revert');
    table.string('reverts_sha', 64);
    table.boolean('touches_source');
    table.boolean('touches_tests');
    table.text('labels').comment('JSON array');
    table.text('linked_issues').comment('JSON array');
    table.unique(['source', 'external_id'], {
      indexName: 'changes_source_external_id_uq',
    });
    table.index(['entity_ref', 'occurred_at'], 'changes_entity_time_idx');
    table.index(['sha'], 'changes_sha_idx');
  });

  await knex.schema.createTable('incidents', table => {
    table.comment('Incidents with their explicit links to causes');
    eventColumns(table);
    table.string('external_id', 255).notNullable();
    table.text('title');
    table.string('status', 32).notNullable();
    table.string('urgency', 16).notNullable();
    table.string('priority', 64);
    table.bigInteger('triggered_at').notNullable();
    table.bigInteger('acknowledged_at');
    table.bigInteger('resolved_at');
    table.bigInteger('postmortem_at');
    table.string('responder_team', 255);
    table.text('linked_deployment_ids').comment('JSON array of external ids');
    table.text('linked_commit_shas').comment('JSON array of root-cause SHAs');
    table.unique(['source', 'external_id'], {
      indexName: 'incidents_source_external_id_uq',
    });
    table.index(['entity_ref', 'occurred_at'], 'incidents_entity_time_idx');
  });

  await knex.schema.createTable('repo_facts', table => {
    table.comment('Snapshot facts about an entity repository');
    eventColumns(table);
    table.string('fact', 128).notNullable();
    table.text('value').comment('JSON scalar');
    table.bigInteger('observed_at').notNullable();
    table.unique(['source', 'entity_ref', 'fact'], {
      indexName: 'repo_facts_source_entity_fact_uq',
    });
    table.index(['entity_ref', 'occurred_at'], 'repo_facts_entity_time_idx');
  });

  await knex.schema.createTable('sync_cursors', table => {
    table.comment('Per-source, per-scope incremental sync positions');
    table.string('source', 64).notNullable();
    table.string('scope', 255).notNullable();
    table.text('cursor').notNullable();
    table.bigInteger('updated_at').notNullable();
    table.primary(['source', 'scope']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  for (const name of [
    'sync_cursors',
    'repo_facts',
    'incidents',
    'changes',
    'deployments',
    'builds',
  ]) {
    await knex.schema.dropTable(name);
  }
};
