import { ResponseError } from '@backstage/errors';

/**
 * What went wrong requesting, deciding, withdrawing or revoking an exemption, in words: the server's
 * own message (e.g. `reason: must not be blank`) rather than the HTTP status
 * line, and what a 403 or 404 means here.
 */
export function describeExemptionError(error: Error): string {
  if (!ResponseError.is(error)) {
    return error.message;
  }
  const detail = error.cause?.message || error.message;
  switch (error.statusCode) {
    case 403:
      return `You are not allowed to do this: deciding needs maturity.exemption.decide on this entity, and nobody decides their own request. ${detail}`;
    case 404:
      return `The exemption no longer exists. ${detail}`;
    case 409:
      return `It changed in the meantime (reload to see its state). ${detail}`;
    default:
      return detail;
  }
}
