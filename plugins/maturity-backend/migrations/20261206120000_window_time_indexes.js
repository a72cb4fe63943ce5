// @ts-check

/**
 * Time indexes for the two window reads that had none:
 *
 * - Deployments count in a window by when they were running (finish time,
 *   else start time). With only (entity_ref, occurred_at) to go on, every
 *   batch read each entity's whole deployment history; PostgreSQL chose a
 *   parallel scan of the table per batch. An index on the same expression
 *   the metrics use turns that into an index range on both engines.
 * - Incidents count when triggered or resolved in the window; the resolved
 *   branch had no index, so PostgreSQL scanned the table per batch.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  // The doubled parentheses mark an index expression for PostgreSQL;
  // SQLite reads them as a parenthesised expression. Queries must spell the
  // expression exactly like this to use the index.
  await knex.raw(
    'create index deployments_entity_deployed_idx on deployments (entity_ref, (coalesce(finished_at, started_at)))',
  );
  await knex.schema.alterTable('incidents', table => {
    table.index(['entity_ref', 'resolved_at'], 'incidents_entity_resolved_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('incidents', table => {
    table.dropIndex(
      ['entity_ref', 'resolved_at'],
      'incidents_entity_resolved_idx',
    );
  });
  await knex.raw('drop index deployments_entity_deployed_idx');
};
