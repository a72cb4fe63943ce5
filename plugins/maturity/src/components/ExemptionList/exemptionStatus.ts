import { Exemption } from '@maturity-for-backstage/backstage-plugin-maturity-common';

/** Whether an exemption has passed its expiry at `now`. */
export function isExpired(exemption: Exemption, now: number): boolean {
  return !!exemption.expiresAt && Date.parse(exemption.expiresAt) <= now;
}

/**
 * The state an exemption is in at `now`, as readers should see it: an
 * approved one past its expiry is expired even before the backend's hourly
 * sweep marked it so (it has stopped counting already). Stored exemptions
 * from before the workflow carry no status; they were granted.
 */
export function effectiveStatus(
  exemption: Exemption,
  now: number,
): Exemption['status'] {
  const status = exemption.status ?? 'approved';
  return status === 'approved' && isExpired(exemption, now)
    ? 'expired'
    : status;
}

/** Whether the exemption counts its check as met at `now`. */
export function isInForce(exemption: Exemption, now: number): boolean {
  return effectiveStatus(exemption, now) === 'approved';
}

/** Words for a status, as the list and the audit show them. */
export const STATUS_LABELS: Record<Exemption['status'], string> = {
  requested: 'Requested',
  approved: 'Approved',
  denied: 'Denied',
  withdrawn: 'Withdrawn',
  revoked: 'Revoked',
  expired: 'Expired',
};
