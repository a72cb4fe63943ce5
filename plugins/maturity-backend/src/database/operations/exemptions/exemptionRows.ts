import {
  Exemption,
  ExemptionEvent,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';

const iso = (millis: unknown) => new Date(Number(millis)).toISOString();
const present = (value: unknown) => value !== null && value !== undefined;

/**
 * An `exemptions` row as the domain's exemption. `revoked_at` holds the end
 * of a withdrawn, revoked or expired exemption.
 */
export function toExemption(row: Record<string, any>): Exemption {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    checkId: row.check_id,
    reason: row.reason,
    status: row.status,
    author: row.author,
    createdAt: iso(row.created_at),
    ...(present(row.requested_expires_at)
      ? { requestedExpiresAt: iso(row.requested_expires_at) }
      : {}),
    ...(present(row.expires_at) ? { expiresAt: iso(row.expires_at) } : {}),
    ...(present(row.decided_by) ? { decidedBy: String(row.decided_by) } : {}),
    ...(present(row.decided_at) ? { decidedAt: iso(row.decided_at) } : {}),
    ...(present(row.decision_comment)
      ? { decisionComment: String(row.decision_comment) }
      : {}),
    ...(present(row.revoked_at) ? { endedAt: iso(row.revoked_at) } : {}),
  };
}

/** An `exemption_events` row as the domain's audit event. */
export function toExemptionEvent(row: Record<string, any>): ExemptionEvent {
  return {
    exemptionId: row.exemption_id,
    entityRef: row.entity_ref,
    checkId: row.check_id,
    action: row.action,
    actor: row.actor,
    at: iso(row.at),
    ...(present(row.comment) ? { comment: String(row.comment) } : {}),
  };
}
