import { RequestValidator } from '@backstage/plugin-events-node';
import {
  PAGERDUTY_SIGNATURE_HEADER,
  verifyPagerDutySignature,
} from './verifyPagerDutySignature';

/**
 * An events-ingress validator that rejects, with 401, deliveries without a
 * valid `X-PagerDuty-Signature` over the raw body.
 */
export function createPagerDutySignatureValidator(
  secrets: readonly string[],
): RequestValidator {
  return async (request, context) => {
    const valid = verifyPagerDutySignature(
      request.raw.body,
      request.headers[PAGERDUTY_SIGNATURE_HEADER],
      secrets,
    );
    if (!valid) {
      context.reject({
        status: 401,
        payload: { message: 'Missing or invalid X-PagerDuty-Signature' },
      });
    }
  };
}
