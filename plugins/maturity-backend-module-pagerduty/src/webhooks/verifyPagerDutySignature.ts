import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header PagerDuty Webhooks v3 signs deliveries in. */
export const PAGERDUTY_SIGNATURE_HEADER = 'x-pagerduty-signature';

/**
 * True when one of the `v1=<hex>` signatures in the header is the
 * HMAC-SHA256 of the raw body under one of the secrets. PagerDuty sends
 * several, comma-separated, while a subscription's secret is rotated.
 */
export function verifyPagerDutySignature(
  rawBody: Buffer,
  header: string | string[] | undefined,
  secrets: readonly string[],
): boolean {
  const values = (Array.isArray(header) ? header : [header ?? ''])
    .flatMap(value => value.split(','))
    .map(value => value.trim())
    .filter(value => value.startsWith('v1='))
    .map(value => value.slice(3))
    .filter(hex => /^[0-9a-f]{64}$/i.test(hex))
    .map(hex => Buffer.from(hex, 'hex'));
  if (values.length === 0) return false;

  let valid = false;
  for (const secret of secrets) {
    const expected = createHmac('sha256', secret).update(rawBody).digest();
    for (const signature of values) {
      // Compare every pair so the time taken does not say which one matched.
      if (timingSafeEqual(expected, signature)) valid = true;
    }
  }
  return valid;
}

/** The header value PagerDuty would send for a body under a secret. */
export function signPagerDutyBody(rawBody: Buffer | string, secret: string) {
  return `v1=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}
