import { useApi } from '@backstage/core-plugin-api';
import {
  Exemption,
  Scorecard,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { maturityApiRef } from '../../api/MaturityApi';
import { CheckExemptions } from '../CheckResultItem';
import { effectiveStatus } from '../ExemptionList';

/** The entity's exemptions in every state, with their audit list. */
export function useEntityExemptions(entityRef: string) {
  const maturityApi = useApi(maturityApiRef);
  return useAsyncRetry(async () => {
    const [exemptions, events] = await Promise.all([
      maturityApi.listExemptions(entityRef),
      // The history is a courtesy: the list stands without it.
      maturityApi.listExemptionEvents(entityRef).catch(() => undefined),
    ]);
    return { items: exemptions.items, events: events?.items };
  }, [maturityApi, entityRef]);
}

/**
 * What the exemption list knows that the scorecard does not yet: approved
 * exemptions in force since it was evaluated (by check id, newest wins),
 * applied exemptions no longer in force (revoked or expired), and requests
 * waiting for a decision (by check id). Nothing while the list is unknown.
 */
export function exemptionChanges(
  scorecard: Scorecard,
  exemptions: Exemption[] | undefined,
  now: number,
): Pick<CheckExemptions, 'pending' | 'revoked' | 'requested'> {
  const pending = new Map<string, Exemption>();
  const requested = new Map<string, Exemption>();
  const revoked = new Set<string>();
  if (!exemptions) {
    return { pending, revoked, requested };
  }
  const inForce = new Set(
    exemptions
      .filter(e => effectiveStatus(e, now) === 'approved')
      .map(e => e.id),
  );
  const checks = new Map(scorecard.checks.map(c => [c.checkId, c]));
  for (const exemption of exemptions) {
    const check = checks.get(exemption.checkId);
    if (!check || check.exemption) continue;
    const byStatus: Partial<
      Record<Exemption['status'], Map<string, Exemption>>
    > = { approved: pending, requested };
    const byCheck = byStatus[effectiveStatus(exemption, now)];
    const newest = byCheck?.get(exemption.checkId);
    if (byCheck && (!newest || newest.createdAt < exemption.createdAt)) {
      byCheck.set(exemption.checkId, exemption);
    }
  }
  for (const check of scorecard.checks) {
    if (check.exemption && !inForce.has(check.exemption.id)) {
      revoked.add(check.exemption.id);
    }
  }
  return { pending, revoked, requested };
}
