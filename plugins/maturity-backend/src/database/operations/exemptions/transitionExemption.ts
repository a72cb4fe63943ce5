import { ExemptionStatus } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { Knex } from 'knex';
import {
  ExemptionTransition,
  ExemptionTransitionOutcome,
} from '../../ExemptionStore';
import { toExemption } from './exemptionRows';

const DECISIONS: ExemptionStatus[] = ['approved', 'denied'];

/**
 * Makes the change if the exemption is in one of `from`, and keeps its audit
 * row, atomically.
 */
export async function transitionExemption(
  db: Knex,
  transition: ExemptionTransition,
): Promise<ExemptionTransitionOutcome> {
  const { id, from, to, actor, at, comment, expiresAt } = transition;
  const decided = DECISIONS.includes(to);
  return db.transaction(async tx => {
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
