import { Exemption } from '../wire';

/**
 * The exemption waiving `checkId` for `entityRef` at `now`, if any. Only an
 * approved exemption waives (a request, a denial, a withdrawn, revoked or
 * expired one never does). An approved exemption without `expiresAt` never
 * expires; one whose expiry is at or before `now` is ignored. When several apply, the one lasting longest wins,
 * so the scorecard shows the waiver that will still hold tomorrow.
 * @public
 */
export function findActiveExemption(
  exemptions: Exemption[],
  entityRef: string,
  checkId: string,
  now: string,
): Exemption | undefined {
  // Called for every check of every entity; most have no exemption at all.
  if (exemptions.length === 0) return undefined;
  const nowMs = Date.parse(now);
  const expiry = (e: Exemption) =>
    e.expiresAt === undefined ? Infinity : Date.parse(e.expiresAt);
  const active = exemptions.filter(
    e =>
      e.status === 'approved' &&
      e.entityRef === entityRef &&
      e.checkId === checkId &&
      expiry(e) > nowMs,
  );
  return active.sort((a, b) => expiry(b) - expiry(a))[0];
}
