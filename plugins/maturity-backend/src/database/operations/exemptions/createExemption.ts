import {
  Exemption,
  ExemptionEvent,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { Knex } from 'knex';

/** Stores a new exemption and its first audit rows in one transaction. */
export async function createExemption(
  db: Knex,
  exemption: Exemption,
  events: Omit<ExemptionEvent, 'exemptionId' | 'entityRef' | 'checkId'>[],
): Promise<void> {
  const millis = (time?: string) => (time ? Date.parse(time) : null);
  await db.transaction(async tx => {
    await tx('exemptions').insert({
      id: exemption.id,
      entity_ref: exemption.entityRef,
      check_id: exemption.checkId,
      reason: exemption.reason,
      status: exemption.status,
      author: exemption.author,
      created_at: Date.parse(exemption.createdAt),
      requested_expires_at: millis(exemption.requestedExpiresAt),
      expires_at: millis(exemption.expiresAt),
      decided_by: exemption.decidedBy ?? null,
      decided_at: millis(exemption.decidedAt),
      decision_comment: exemption.decisionComment ?? null,
      revoked_at: millis(exemption.endedAt),
    });
    if (events.length > 0) {
      await tx('exemption_events').insert(
        events.map(event => ({
          exemption_id: exemption.id,
          entity_ref: exemption.entityRef,
          check_id: exemption.checkId,
          action: event.action,
          actor: event.actor,
          at: Date.parse(event.at),
          comment: event.comment ?? null,
        })),
      );
    }
  });
}
