import { Exemption } from '@maturity-for-backstage/backstage-plugin-maturity-common';

/** `YYYY-MM-DD` of a time, in UTC. */
export function utcDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/**
 * An approval's expiry from the day a decider picked (the start of that day
 * in UTC): empty keeps the requested expiry; a day must be in the future
 * and not after the requested expiry. Or what is wrong with it.
 */
export function validateApprovalExpiry(
  exemption: Pick<Exemption, 'requestedExpiresAt'>,
  expiresOn: string,
  now: number,
): { error: string } | { expiresAt?: string } {
  if (!expiresOn) return {};
  const time = /^\d{4}-\d{2}-\d{2}$/.test(expiresOn)
    ? Date.parse(`${expiresOn}T00:00:00.000Z`)
    : NaN;
  if (Number.isNaN(time)) {
    return { error: 'Enter the expiry as a date, YYYY-MM-DD.' };
  }
  if (time <= now) {
    return { error: 'The expiry must be in the future.' };
  }
  const requested = exemption.requestedExpiresAt
    ? Date.parse(exemption.requestedExpiresAt)
    : undefined;
  if (requested !== undefined && time > requested) {
    return {
      error: `An approval may shorten the expiry, not lengthen it: ${utcDay(
        requested,
      )} at the latest.`,
    };
  }
  return { expiresAt: new Date(time).toISOString() };
}
