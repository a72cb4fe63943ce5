/**
 * How a source retries its requests to a tool's API. Every field has a
 * default that suits a scheduled sync; `sleep` and `random` are there for
 * tests.
 * @public
 */
export interface RetryPolicy {
  /** Per-attempt timeout. Default 30 seconds. */
  timeoutMs?: number;
  /** Attempts per request, the first included. Default 4. */
  maxAttempts?: number;
  /** First backoff delay; doubles per attempt, with jitter. Default 1 second. */
  backoffMs?: number;
  /**
   * Longest wait a rate limit may impose; a longer one fails the request
   * instead of holding the sync. Default 60 seconds.
   */
  maxRateLimitWaitMs?: number;
  /** How waits are slept. Default `setTimeout`. */
  sleep?: (ms: number) => Promise<void>;
  /** Jitter source in [0, 1). Default `Math.random`. */
  random?: () => number;
}

/**
 * Makes the error a failed request throws, e.g. the tool's own error class.
 * The message names the request (method and path) and the status, never a
 * credential.
 * @public
 */
export type RequestErrorFactory = (message: string, status?: number) => Error;

/**
 * The tool's rules for one request, around the common retry loop.
 * @public
 */
export interface FetchWithRetryOptions {
  /**
   * Names the request in errors, e.g. `GitHub GET /repos/acme/shop`; never
   * holds a credential.
   */
  what: string;
  policy?: RetryPolicy;
  createError: RequestErrorFactory;
  /**
   * Runs before every attempt, e.g. to wait out a rate limit an earlier
   * answer said is spent. May throw to give up.
   */
  beforeAttempt?: () => Promise<void>;
  /**
   * How long (ms) an answer asks to wait before the next attempt when it is
   * a rate-limit refusal; undefined when it is not one. Called for every
   * answer, including successes (some APIs refuse with a 200 and an error in
   * the body: read it from `response.clone()`). A 429 this leaves undefined
   * is retried with backoff.
   */
  rateLimitWait?: (
    response: Response,
  ) => number | undefined | Promise<number | undefined>;
  /**
   * Whether a status that is not 2xx is an answer to hand back as is rather
   * than a failure, e.g. 304 to a conditional request or an expected 404.
   */
  isAnswer?: (response: Response) => boolean;
  /**
   * The tool's error message in the JSON body of a refusal, added to the
   * error; without one the status text is.
   */
  errorMessage?: (body: any) => string | undefined;
}

const defaultSleep = (ms: number) =>
  new Promise<void>(resolve => setTimeout(resolve, ms));

/**
 * The policy with its defaults filled in.
 * @public
 */
export function resolveRetryPolicy(
  policy: RetryPolicy = {},
): Required<RetryPolicy> {
  return {
    timeoutMs: policy.timeoutMs ?? 30_000,
    maxAttempts: policy.maxAttempts ?? 4,
    backoffMs: policy.backoffMs ?? 1_000,
    maxRateLimitWaitMs: policy.maxRateLimitWaitMs ?? 60_000,
    sleep: policy.sleep ?? defaultSleep,
    random: policy.random ?? Math.random,
  };
}

/**
 * Sends a request on global fetch under a retry policy, for sources that
 * read a tool's API:
 *
 * - each attempt times out after `timeoutMs`;
 * - network errors, timeouts, 5xx and 429 are retried with exponential
 *   backoff and "equal jitter" (half fixed, half random);
 * - a rate-limit refusal (as `rateLimitWait` reads it) is waited out as long
 *   as it asks, up to `maxRateLimitWaitMs`, and retried;
 * - on the last attempt, or for any other status, it fails with an error
 *   naming what was asked, the status, the tool's message if any, and the
 *   number of attempts (e.g. "GitHub runs answered 502 (3 attempts)").
 *
 * Answers with the response of a 2xx, or of a status `isAnswer` accepts,
 * its body unread.
 * @public
 */
export async function fetchWithRetry(
  url: string,
  init: RequestInit,
  options: FetchWithRetryOptions,
): Promise<Response> {
  const { what, createError } = options;
  const policy = resolveRetryPolicy(options.policy);
  const backoff = (attempt: number) => {
    const ceiling = policy.backoffMs * 2 ** (attempt - 1);
    return Math.round(ceiling / 2 + (ceiling / 2) * policy.random());
  };

  for (let attempt = 1; ; attempt++) {
    const last = attempt >= policy.maxAttempts;
    await options.beforeAttempt?.();
    let response: Response;
    try {
      response = await fetch(url, {
        ...init,
        signal: AbortSignal.timeout(policy.timeoutMs),
      });
    } catch (error) {
      if (last) {
        const reason = isTimeout(error)
          ? `timed out after ${policy.timeoutMs} ms`
          : `failed: ${describeNetworkError(error)}`;
        throw createError(`${what} ${reason} (${attempt} attempts)`);
      }
      await policy.sleep(backoff(attempt));
      continue;
    }

    const wait = await options.rateLimitWait?.(response);
    if (wait !== undefined) {
      if (!last) {
        if (wait > policy.maxRateLimitWaitMs) {
          throw createError(
            `${what} is rate limited for ${Math.ceil(
              wait / 1000,
            )} s, longer than the ${Math.round(
              policy.maxRateLimitWaitMs / 1000,
            )} s allowed; the next sync resumes`,
            response.status,
          );
        }
        await discardBody(response);
        await policy.sleep(wait);
        continue;
      }
      if (response.ok) {
        throw createError(`${what} is rate limited`, response.status);
      }
      // A refusal on the last attempt fails like any other, below.
    }

    if (response.ok || options.isAnswer?.(response)) return response;

    if ((response.status >= 500 || response.status === 429) && !last) {
      await discardBody(response);
      await policy.sleep(backoff(attempt));
      continue;
    }
    const detail = await readErrorDetail(response, options.errorMessage);
    const tries = attempt > 1 ? ` (${attempt} attempts)` : '';
    throw createError(
      `${what} answered ${response.status}${detail}${tries}`,
      response.status,
    );
  }
}

async function discardBody(response: Response): Promise<void> {
  await response.arrayBuffer().catch(() => undefined);
}

async function readErrorDetail(
  response: Response,
  errorMessage: FetchWithRetryOptions['errorMessage'],
): Promise<string> {
  try {
    const message = errorMessage?.(JSON.parse(await response.text()));
    if (typeof message === 'string') return `: ${message}`;
  } catch {
    // Not the tool's error body: the status says enough.
  }
  return response.statusText ? ` ${response.statusText}` : '';
}

/**
 * Errors are read by shape, not `instanceof`: fetch's errors come from
 * another realm under Jest (and in some bundlers).
 */
function isErrorLike(value: unknown): value is Error & { cause?: unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Error).name === 'string' &&
    typeof (value as Error).message === 'string'
  );
}

function isTimeout(error: unknown): boolean {
  return (
    isErrorLike(error) &&
    (error.name === 'TimeoutError' || error.name === 'AbortError')
  );
}

/** The error's message, with its cause's (e.g. `connect ECONNREFUSED`). */
function describeNetworkError(error: unknown): string {
  if (!isErrorLike(error)) return String(error);
  return isErrorLike(error.cause)
    ? `${error.message} (${error.cause.message})`
    : error.message;
}
