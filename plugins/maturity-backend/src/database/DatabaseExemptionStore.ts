import {
  Exemption,
  ExemptionEvent,
  ExemptionStatus,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { Knex } from 'knex';
import { chunks } from './chunks';
import {
  ExemptionStore,
  ExemptionTransition,
  ExemptionTransitionOutcome,
} from './ExemptionStore';

const iso = (millis: unknown) => new Date(Number(millis)).toISOString();
const present = (value: unknown) => value !== null && value !== undefined;

function toExemption(row: Record<string, any>): Exemption {
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

function toEvent(row: Record<string, any>): ExemptionEvent {
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

const DECISIONS: ExemptionStatus[] = ['approved', 'denied'];

/**
 * Exemptions on the plugin's own database. `revoked_at` holds the end of a
 * withdrawn, revoked or expired exemption.
 * @internal
 */
export class DatabaseExemptionStore implements ExemptionStore {
  constructor(private readonly db: Knex) {}

  async createExemption(
    exemption: Exemption,
    events: Omit<ExemptionEvent, 'exemptionId' | 'entityRef' | 'checkId'>[],
  ) {
    const millis = (time?: string) => (time ? Date.parse(time) : null);
    await this.db.transaction(async tx => {
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

  async listExemptions(entityRefs: string[]) {
    const rows: Record<string, any>[] = [];
    for (const batch of chunks(entityRefs, 1000)) {
      rows.push(
        ...(await this.db('exemptions')
          .whereIn('entity_ref', batch)
          .where('status', 'approved')
          .orderBy('created_at', 'asc')
          .select()),
      );
    }
    return rows.map(toExemption);
  }

  async listEntityExemptions(entityRef: string) {
    const rows = await this.db('exemptions')
      .where('entity_ref', entityRef)
      .orderBy([{ column: 'created_at' }, { column: 'id' }])
      .select();
    return rows.map(toExemption);
  }

  async getExemption(id: string) {
    const row = await this.db('exemptions').where('id', id).first();
    return row ? toExemption(row) : undefined;
  }

  async transitionExemption(
    transition: ExemptionTransition,
  ): Promise<ExemptionTransitionOutcome> {
    const { id, from, to, actor, at, comment, expiresAt } = transition;
    const decided = DECISIONS.includes(to);
    return this.db.transaction(async tx => {
      // The status guard in the update makes concurrent decisions safe: only
      // one of them finds the exemption still in `from`.
      const updated = await tx('exemptions')
        .where('id', id)
        .whereIn('status', from)
        .update(
          {
            status: to,
            ...(decided
              ? {
                  decided_by: actor,
                  decided_at: at.getTime(),
                  decision_comment: comment ?? null,
                }
              : { revoked_at: at.getTime() }),
            ...(expiresAt !== undefined
              ? { expires_at: expiresAt?.getTime() ?? null }
              : {}),
          },
          '*',
        );
      if (updated.length === 0) {
        const row = await tx('exemptions').where('id', id).first('status');
        return row ? { conflict: row.status } : { missing: true as const };
      }
      const exemption = toExemption(updated[0]);
      await tx('exemption_events').insert({
        exemption_id: id,
        entity_ref: exemption.entityRef,
        check_id: exemption.checkId,
        action: to,
        actor,
        at: at.getTime(),
        comment: comment ?? null,
      });
      return { exemption };
    });
  }

  async listExemptionEvents(entityRef: string) {
    const rows = await this.db('exemption_events')
      .where('entity_ref', entityRef)
      .orderBy([
        { column: 'at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .select();
    return rows.map(toEvent);
  }

  async expireExemptions(now: Date, actor: string) {
    return this.db.transaction(async tx => {
      const rows: Record<string, any>[] = await tx('exemptions')
        .where('status', 'approved')
        .where('expires_at', '<=', now.getTime())
        .update({ status: 'expired', revoked_at: tx.ref('expires_at') }, '*');
      for (const batch of chunks(rows, 500)) {
        await tx('exemption_events').insert(
          batch.map(row => ({
            exemption_id: row.id,
            entity_ref: row.entity_ref,
            check_id: row.check_id,
            action: 'expired',
            actor,
            at: Number(row.expires_at),
            comment: null,
          })),
        );
      }
      return rows.map(toExemption);
    });
  }
}
