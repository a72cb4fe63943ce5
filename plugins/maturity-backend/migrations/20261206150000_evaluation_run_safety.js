// @ts-check

/**
 * What lets a run die without losing work, and the full evaluation spread
 * over replicas.
 *
 * Leases on the evaluation queue: a run takes entities by setting its id and
 * an expiry on their rows and deletes them only once their results are
 * saved, so a run that dies midway loses nothing: any later run takes rows
 * whose lease has expired. The index serves "unleased or expired, oldest
 * first".
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('evaluation_queue', table => {
    table.string('lease_owner', 64).comment('Id of the run holding the row');
    table
      .bigInteger('lease_expires_at')
      .comment('Epoch ms after which another run may take the row');
    table.index(
      ['lease_expires_at', 'requested_at'],
      'evaluation_queue_lease_idx',
    );
  });

  // When each shard of the full evaluation last completed, so the last
  // shard of a cadence to finish rebuilds the rollups. The row of shard -1
  // holds when that last happened.
  await knex.schema.createTable('evaluation_shards', table => {
    table.comment('Completions of the full evaluation, per shard');
    table.integer('shard_index').primary().comment('-1: the whole cadence');
    table.integer('shard_count').notNullable();
    table.bigInteger('completed_at').notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('evaluation_shards');
  await knex.schema.alterTable('evaluation_queue', table => {
    table.dropIndex(
      ['lease_expires_at', 'requested_at'],
      'evaluation_queue_lease_idx',
    );
    table.dropColumn('lease_owner');
    table.dropColumn('lease_expires_at');
  });
};
