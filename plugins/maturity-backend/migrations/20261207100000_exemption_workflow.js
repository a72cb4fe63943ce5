// @ts-check

/**
 * Exemptions become a workflow: requested → approved | denied | withdrawn;
 * approved → revoked | expired, every change kept in `exemption_events`.
 * Exemptions granted before are approved ones, their author the requester
 * and the decider; revoked ones stay revoked (who revoked them was never
 * recorded, so their audit row names `system`).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('exemptions', table => {
    table
      .string('status', 16)
      .notNullable()
      .defaultTo('approved')
      .comment('requested, approved, denied, withdrawn, revoked or expired');
    table
      .bigInteger('requested_expires_at')
      .comment('The expiry the requester asked for; expires_at may be sooner');
    table.string('decided_by', 255).comment('Who approved or denied it');
    table.bigInteger('decided_at');
    table.text('decision_comment');
    table.index(['status', 'expires_at'], 'exemptions_status_expiry_idx');
  });
  // revoked_at keeps its meaning for revoked ones and holds the end of
  // withdrawn and expired ones too.
  await knex('exemptions').update({
    status: knex.raw(
      "CASE WHEN revoked_at IS NULL THEN 'approved' ELSE 'revoked' END",
    ),
    requested_expires_at: knex.ref('expires_at'),
    decided_by: knex.ref('author'),
    decided_at: knex.ref('created_at'),
  });

  await knex.schema.createTable('exemption_events', table => {
    table.comment('Every state change of an exemption: the audit list');
    table.bigIncrements('id').primary();
    table.string('exemption_id', 36).notNullable();
    table.string('entity_ref', 255).notNullable();
    table.string('check_id', 255).notNullable();
    table.string('action', 16).notNullable();
    table.string('actor', 255).notNullable();
    table.bigInteger('at').notNullable();
    table.text('comment');
    table.index(['entity_ref', 'at'], 'exemption_events_entity_idx');
    table.index(['exemption_id'], 'exemption_events_exemption_idx');
  });
  await knex.raw(
    `INSERT INTO exemption_events
       (exemption_id, entity_ref, check_id, action, actor, at, comment)
     SELECT id, entity_ref, check_id, 'approved', author, created_at, ?
       FROM exemptions`,
    ['Granted before exemptions were requested and decided'],
  );
  await knex.raw(
    `INSERT INTO exemption_events
       (exemption_id, entity_ref, check_id, action, actor, at, comment)
     SELECT id, entity_ref, check_id, 'revoked', 'system', revoked_at, ?
       FROM exemptions WHERE revoked_at IS NOT NULL`,
    ['Revoked before exemptions were audited; who revoked it was not recorded'],
  );
};

/**
 * Back to exemptions that apply until revoked: requests, denials and
 * withdrawn ones are marked revoked, so none of them starts to apply.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex('exemptions')
    .whereIn('status', ['requested', 'denied', 'withdrawn'])
    .whereNull('revoked_at')
    .update({
      revoked_at: knex.raw('COALESCE(decided_at, created_at)'),
    });
  await knex('exemptions')
    .where('status', 'expired')
    .update({ revoked_at: null });
  await knex.schema.dropTable('exemption_events');
  await knex.schema.alterTable('exemptions', table => {
    table.dropIndex(['status', 'expires_at'], 'exemptions_status_expiry_idx');
    table.dropColumn('status');
    table.dropColumn('requested_expires_at');
    table.dropColumn('decided_by');
    table.dropColumn('decided_at');
    table.dropColumn('decision_comment');
  });
};
