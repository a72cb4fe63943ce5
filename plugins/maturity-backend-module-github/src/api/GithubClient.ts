import { GithubCredentialsProvider } from '@backstage/integration';
import {
  RetryPolicy,
  fetchWithRetry,
  parseRetryAfter,
  readJsonBody,
  resolveRetryPolicy,
} from '@maturity-for-backstage/backstage-plugin-maturity-node';

/** Options of {@link GithubClient}; the defaults suit production. */
export interface GithubClientOptions extends RetryPolicy {
  /** Gives the Authorization header for a repository URL; never logged. */
  credentials: GithubCredentialsProvider;
  /** Longest rate-limit wait; a longer one fails the request. Default 15 minutes. */
  maxRateLimitWaitMs?: number;
  now?: () => number;
}

/**
 * A request GitHub refused or answered unusably. The message names the
 * method, path and status, never a token.
 */
export class GithubRequestError extends Error {
  readonly status?: number;
  constructor(message: string, status?: number) {
    super(message);
    this.name = 'GithubRequestError';
    this.status = status;
  }
}

const githubRequestError = (message: string, status?: number) =>
  new GithubRequestError(message, status);

/**
 * GitHub asks to wait at least a minute after a secondary-limit refusal
 * without `retry-after`, and exponentially longer while refusals persist.
 */
const SECONDARY_LIMIT_WAIT_MS = 60_000;

/** One answer: 304 carries no body. */
export interface GithubResponse<T> {
  status: number;
  body?: T;
  etag?: string;
  /** The `rel="next"` page of a paginated list. */
  next?: string;
}

/** Where requests go and which credentials they use. */
export interface GithubTarget {
  apiBaseUrl: string;
  /** The repository's web URL, for the credentials look-up. */
  url: string;
}

/**
 * The REST and GraphQL calls the sync needs, on global fetch with the shared
 * retry policy (timeouts; exponential backoff and jitter for 5xx, network
 * errors and timeouts): credentials from the Backstage GitHub integration
 * (token or GitHub App), conditional requests with ETags, `Link`
 * pagination, and GitHub's rate limits: a pause when a primary limit is
 * spent (until `x-ratelimit-reset`, bounded; REST and GraphQL are paused
 * apart, as GitHub counts them apart), and waits for secondary limits (as
 * `retry-after` asks, else a minute, doubling while they persist). Requests
 * without credentials are not sent.
 */
export class GithubClient {
  private readonly retry: Required<RetryPolicy>;
  private readonly now: () => number;
  /** API base and limit resource → time (ms) before which no request is sent. */
  private readonly pausedUntil = new Map<string, number>();

  constructor(private readonly options: GithubClientOptions) {
    this.retry = resolveRetryPolicy({
      ...options,
      maxRateLimitWaitMs: options.maxRateLimitWaitMs ?? 15 * 60_000,
    });
    this.now = options.now ?? Date.now;
  }

  /**
   * GETs a path (or a full `next` URL) of the target's API. With `etag`, a
   * 304 answer is returned as is, and so is any status in `allow`, bodiless.
   */
  async get<T>(
    target: GithubTarget,
    pathOrUrl: string,
    request: { etag?: string; allow?: number[] } = {},
  ): Promise<GithubResponse<T>> {
    const url = pathOrUrl.startsWith('http')
      ? pathOrUrl
      : `${target.apiBaseUrl}${pathOrUrl}`;
    const what = `GitHub GET ${new URL(url).pathname}`;
    const headers: Record<string, string> = {
      Accept: 'application/vnd.github+json',
      'X-GitHub-Api-Version': '2022-11-28',
    };
    if (request.etag) headers['If-None-Match'] = request.etag;
    const response = await this.send(target, url, what, {
      method: 'GET',
      headers,
      resource: 'core',
      isAnswer: ({ status }) =>
        (status === 304 && !!request.etag) || !!request.allow?.includes(status),
    });
    if (!response.ok) {
      await response.arrayBuffer().catch(() => undefined);
      return {
        status: response.status,
        ...(response.status === 304 ? { etag: request.etag } : {}),
      };
    }
    return {
      status: response.status,
      body: await readJsonBody<T>(response, {
        what,
        createError: githubRequestError,
      }),
      etag: response.headers.get('etag') ?? undefined,
      next: nextLink(response.headers.get('link')),
    };
  }

  /**
   * Runs a GraphQL query against the target's GraphQL endpoint, under the
   * same retry and rate-limit policy as REST (GraphQL has its own primary
   * limit, which GitHub reports as a 200 with a rate-limit error). Errors
   * fail the request, except `NOT_FOUND` ones when `allowNotFound` is set:
   * the unresolved fields are then null in the data.
   */
  async graphql<T>(
    target: GithubTarget,
    query: string,
    variables: Record<string, unknown>,
    options: { allowNotFound?: boolean } = {},
  ): Promise<T> {
    const operation =
      /\b(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? 'query';
    const what = `GitHub GraphQL ${operation}`;
    const response = await this.send(
      target,
      graphqlUrlOf(target.apiBaseUrl),
      what,
      {
        method: 'POST',
        headers: {
          Accept: 'application/json',
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({ query, variables }),
        resource: 'graphql',
        rateLimited: text => isGraphqlRateLimited(text),
      },
    );
    const body = await readJsonBody<GraphqlBody<T>>(response, {
      what,
      createError: githubRequestError,
    });
    const errors = (body?.errors ?? []).filter(
      error => !(options.allowNotFound && error.type === 'NOT_FOUND'),
    );
    if (errors.length > 0 || !body?.data) {
      const messages = errors
        .map(e => e.message)
        .filter(Boolean)
        .slice(0, 3)
        .join('; ');
      throw new GithubRequestError(
        `${what} answered with errors${messages ? `: ${messages}` : ''}`,
        response.status,
      );
    }
    return body.data;
  }

  /**
   * Sends one request under the retry policy and GitHub's rate limits:
   * waits out a spent primary limit first, and waits as a refusal asks.
   * Answers with the response of a success or of a status `isAnswer`
   * accepts, its body unread.
   */
  private async send(
    target: GithubTarget,
    url: string,
    what: string,
    request: {
      method: 'GET' | 'POST';
      headers: Record<string, string>;
      body?: string;
      resource: RateLimitResource;
      isAnswer?: (response: Response) => boolean;
      /** Whether a 2xx body is in fact a rate-limit refusal (GraphQL). */
      rateLimited?: (text: string) => boolean;
    },
  ): Promise<Response> {
    const { headers: auth } = await this.options.credentials.getCredentials({
      url: target.url,
    });
    if (!auth || Object.keys(auth).length === 0) {
      // Anonymous requests get 60 an hour per IP: a sync would spend them at
      // once and then fail confusingly, so none is sent.
      throw new GithubRequestError(missingCredentialsMessage(target.url));
    }
    const limitKey = `${target.apiBaseUrl} ${request.resource}`;
    // Secondary-limit refusals of this request without `retry-after`.
    const refusals = { secondary: 0 };
    return fetchWithRetry(
      url,
      {
        method: request.method,
        headers: { ...request.headers, ...auth },
        body: request.body,
      },
      {
        what,
        policy: this.retry,
        createError: githubRequestError,
        beforeAttempt: () => this.waitForPrimaryLimit(limitKey, what),
        rateLimitWait: async response => {
          this.notePrimaryLimit(limitKey, response.headers);
          if (!response.ok) {
            return this.rateLimitWait(limitKey, response, refusals);
          }
          if (!request.rateLimited) return undefined;
          return request.rateLimited(await response.clone().text())
            ? this.primaryResetWait(limitKey, response.headers)
            : undefined;
        },
        isAnswer: request.isAnswer,
        errorMessage: body =>
          typeof body?.message === 'string' ? body.message : undefined,
      },
    );
  }

  /**
   * GETs every page of a list from `path`, following `Link: rel="next"`,
   * calling `onPage` with each page before reading the next; `onPage`
   * returns false to stop early. The first page is conditional on `etag`:
   * a 304 means the list has not changed and no page is read.
   */
  async paginate<T>(
    target: GithubTarget,
    path: string,
    onPage: (items: T[]) => Promise<boolean | void>,
    request: { etag?: string; select?: (body: any) => T[] } = {},
  ): Promise<{ notModified: boolean; etag?: string }> {
    const select =
      request.select ??
      ((body: unknown) => {
        if (!Array.isArray(body)) {
          throw new GithubRequestError(
            `GitHub GET ${path.split('?')[0]} answered without a list`,
          );
        }
        return body as T[];
      });
    let next: string | undefined = path;
    let first = true;
    let etag: string | undefined;
    while (next) {
      const page: GithubResponse<unknown> = await this.get<unknown>(
        target,
        next,
        first ? { etag: request.etag } : {},
      );
      if (page.status === 304) return { notModified: true, etag: request.etag };
      if (first) etag = page.etag;
      first = false;
      const goOn = await onPage(select(page.body));
      if (goOn === false) break;
      next = page.next;
    }
    return { notModified: false, etag };
  }

  private async waitForPrimaryLimit(limitKey: string, what: string) {
    const until = this.pausedUntil.get(limitKey);
    if (until === undefined) return;
    const wait = until - this.now();
    this.pausedUntil.delete(limitKey);
    if (wait <= 0) return;
    if (wait > this.retry.maxRateLimitWaitMs) {
      throw new GithubRequestError(
        `${what}: the rate limit resets in ${Math.ceil(
          wait / 1000,
        )} s, longer than the ${Math.round(
          this.retry.maxRateLimitWaitMs / 1000,
        )} s allowed; the next sync resumes`,
      );
    }
    await this.retry.sleep(wait);
  }

  /** A spent primary limit pauses every later request until its reset. */
  private notePrimaryLimit(limitKey: string, headers: Headers) {
    if (headers.get('x-ratelimit-remaining') !== '0') return;
    const reset = Number(headers.get('x-ratelimit-reset'));
    if (!Number.isFinite(reset) || reset <= 0) return;
    this.pausedUntil.set(limitKey, reset * 1000 + 1000);
  }

  /**
   * How long a refused request must wait, in the order GitHub documents:
   * `retry-after`, else the primary limit's reset when it is spent, else,
   * for a secondary limit, a minute, doubled with each further refusal of
   * the same request. Undefined for a 403 that is not a rate limit (a
   * permission refusal).
   */
  private async rateLimitWait(
    limitKey: string,
    response: Response,
    refusals: { secondary: number },
  ): Promise<number | undefined> {
    if (response.status !== 403 && response.status !== 429) return undefined;
    const retryAfter = parseRetryAfter(
      response.headers.get('retry-after'),
      this.now(),
    );
    if (retryAfter !== undefined) return retryAfter;
    if (response.headers.get('x-ratelimit-remaining') === '0') {
      return this.primaryResetWait(limitKey, response.headers);
    }
    // GitHub answers every rate limit with 429 or 403; a 403 is a secondary
    // limit only when its message says so.
    if (
      response.status === 403 &&
      !isSecondaryLimitMessage(await response.clone().text())
    ) {
      return undefined;
    }
    return SECONDARY_LIMIT_WAIT_MS * 2 ** refusals.secondary++;
  }

  /**
   * How long until a spent primary limit resets, by `x-ratelimit-reset`
   * (a minute when the answer does not say). Waited by the caller, so the
   * pause noted for the next request is dropped.
   */
  private primaryResetWait(limitKey: string, headers: Headers): number {
    this.pausedUntil.delete(limitKey);
    const reset = Number(headers.get('x-ratelimit-reset'));
    if (Number.isFinite(reset) && reset > 0) {
      return Math.max(reset * 1000 + 1000 - this.now(), 0);
    }
    return 60_000;
  }
}

/**
 * Whether a refusal's body is a secondary rate limit: "You have exceeded a
 * secondary rate limit", or, in older GitHub Enterprise Server versions,
 * "You have triggered an abuse detection mechanism".
 */
function isSecondaryLimitMessage(text: string): boolean {
  let message: unknown = text;
  try {
    message = JSON.parse(text)?.message ?? text;
  } catch {
    // Not JSON: read the text as it is.
  }
  return (
    typeof message === 'string' &&
    /secondary rate limit|abuse detection/i.test(message)
  );
}

/**
 * Why a request to a repository was not sent: names where credentials are
 * configured, never a token (there is none).
 */
function missingCredentialsMessage(repositoryUrl: string): string {
  const { host, pathname } = new URL(repositoryUrl);
  const owner = pathname.split('/')[1];
  return (
    `No GitHub credentials for ${repositoryUrl}: add a token, or a GitHub App ` +
    `installed on ${owner}, for host ${host} under integrations.github ` +
    '(requests are not sent anonymously: GitHub allows 60 an hour)'
  );
}

/** The primary rate limits the client keeps apart: REST and GraphQL. */
type RateLimitResource = 'core' | 'graphql';

interface GraphqlBody<T> {
  data?: T | null;
  errors?: Array<{ type?: string; message?: string }>;
}

/**
 * The GraphQL endpoint of a REST API base: `https://api.github.com/graphql`,
 * and `https://HOST/api/graphql` for GitHub Enterprise Server's
 * `https://HOST/api/v3`.
 */
export function graphqlUrlOf(apiBaseUrl: string): string {
  const base = apiBaseUrl.replace(/\/+$/, '');
  return /\/api\/v3$/.test(base)
    ? base.replace(/\/v3$/, '/graphql')
    : `${base}/graphql`;
}

/**
 * Whether a GraphQL answer is a primary rate-limit refusal: GitHub answers
 * those with 200 and an error typed `RATE_LIMITED` (or `RATE_LIMIT`), or
 * only the message "API rate limit (already) exceeded".
 */
function isGraphqlRateLimited(text: string): boolean {
  let body: GraphqlBody<unknown>;
  try {
    body = JSON.parse(text);
  } catch {
    return false;
  }
  return (body?.errors ?? []).some(
    error =>
      /^RATE_LIMIT/.test(error?.type ?? '') ||
      /API rate limit (already )?exceeded/i.test(error?.message ?? ''),
  );
}

/** The `rel="next"` URL of a `Link` header. */
export function nextLink(link: string | null): string | undefined {
  if (!link) return undefined;
  for (const part of link.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (match) return match[1];
  }
  return undefined;
}
