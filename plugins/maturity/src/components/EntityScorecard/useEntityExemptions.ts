import { useApi } from '@backstage/core-plugin-api';
import {
  Exemption,
  Scorecard,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { maturityApiRef } from '../../api/MaturityApi';
import { CheckExemptions } from '../CheckResultItem';
import { isExpired } from '../ExemptionList';

/** The entity's exemptions, expired ones included until revoked. */
export function useEntityExemptions(entityRef: string) {
  const maturityApi = useApi(maturityApiRef);
  return useAsyncRetry(
    async () => (await maturityApi.listExemptions(entityRef)).items,
    [maturityApi, entityRef],
  );
}

/**
 * What the exemption list knows that the scorecard does not yet: active
 * exemptions created since it was evaluated (by check id, newest wins), and
 * applied exemptions revoked since. Nothing while the list is unknown.
 */
export function exemptionChanges(
  scorecard: Scorecard,
  exemptions: Exemption[] | undefined,
  now: number,
): Pick<CheckExemptions, 'pending' | 'revoked'> {
  const pending = new Map<string, Exemption>();
  const revoked = new Set<string>();
  if (!exemptions) {
    return { pending, revoked };
  }
  const listed = new Set(exemptions.map(e => e.id));
  const checks = new Map(scorecard.checks.map(c => [c.checkId, c]));
  for (const exemption of exemptions) {
    const check = checks.get(exemption.checkId);
    if (!check || check.exemption || isExpired(exemption, now)) {
      continue;
    }
    const newest = pending.get(exemption.checkId);
    if (!newest || newest.createdAt < exemption.createdAt) {
      pending.set(exemption.checkId, exemption);
    }
  }
  for (const check of scorecard.checks) {
    if (check.exemption && !listed.has(check.exemption.id)) {
      revoked.add(check.exemption.id);
    }
  }
  return { pending, revoked };
}
