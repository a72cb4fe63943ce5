import { Knex } from 'knex';

/** The evaluation queue's rows by entity ref, times as epoch milliseconds. */
export async function queueRows(knex: Knex) {
  const rows = await knex('evaluation_queue')
    .orderBy('entity_ref')
    .select('entity_ref', 'requested_at', 'lease_owner', 'lease_expires_at');
  return rows.map(row => ({
    entityRef: row.entity_ref as string,
    requestedAt: Number(row.requested_at),
    leaseOwner: (row.lease_owner as string | null) ?? null,
    leaseExpiresAt:
      row.lease_expires_at === null ? null : Number(row.lease_expires_at),
  }));
}
