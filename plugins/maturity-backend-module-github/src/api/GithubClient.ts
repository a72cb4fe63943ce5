import { GithubCredentialsProvider } from '@backstage/integration';

/** Options of {@link GithubClient}; the defaults suit production. */
export interface GithubClientOptions {
  /** Gives the Authorization header for a repository URL; never logged. */
  credentials: GithubCredentialsProvider;
  /** Per-request timeout. Default 30 seconds. */
  timeoutMs?: number;
  /** Attempts per request, the first included. Default 4. */
  maxAttempts?: number;
  /** First backoff delay; doubles per attempt, with jitter. Default 1 second. */
  backoffMs?: number;
  /** Longest rate-limit wait; a longer one fails the request. Default 15 minutes. */
  maxRateLimitWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
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

const defaultSleep = (ms: number) =>
  new Promise<void>(resolve => setTimeout(resolve, ms));

/**
 * The REST calls the sync needs, on global fetch: credentials from the
 * Backstage GitHub integration (token or GitHub App), conditional requests
 * with ETags, `Link` pagination, a pause when the primary rate limit is spent
 * (until `x-ratelimit-reset`, bounded), waits for secondary limits (403/429
 * with `retry-after`), and retries with exponential backoff and jitter for
 * 5xx, network errors and timeouts.
 */
export class GithubClient {
  private readonly timeoutMs: number;
  private readonly maxAttempts: number;
  private readonly backoffMs: number;
  private readonly maxRateLimitWaitMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly now: () => number;
  /** API base → time (ms) before which no request is sent. */
  private readonly pausedUntil = new Map<string, number>();

  constructor(private readonly options: GithubClientOptions) {
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.maxAttempts = options.maxAttempts ?? 4;
    this.backoffMs = options.backoffMs ?? 1_000;
    this.maxRateLimitWaitMs = options.maxRateLimitWaitMs ?? 15 * 60_000;
    this.sleep = options.sleep ?? defaultSleep;
    this.random = options.random ?? Math.random;
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
    const { headers: auth } = await this.options.credentials.getCredentials({
      url: target.url,
    });
    const headers: Record<string, string> = {
      Accept: 'application/vnd.github+json',
      'X-GitHub-Api-Version': '2022-11-28',
      ...auth,
    };
    if (request.etag) headers['If-None-Match'] = request.etag;

    for (let attempt = 1; ; attempt++) {
      const last = attempt >= this.maxAttempts;
      await this.waitForPrimaryLimit(target.apiBaseUrl, what);
      let response: Response;
      try {
        response = await fetch(url, {
          headers,
          signal: AbortSignal.timeout(this.timeoutMs),
        });
      } catch (error) {
        const reason = isTimeout(error)
          ? `timed out after ${this.timeoutMs} ms`
          : `failed: ${describeNetworkError(error)}`;
        if (last) {
          throw new GithubRequestError(
            `${what} ${reason} (${attempt} attempts)`,
          );
        }
        await this.sleep(this.backoff(attempt));
        continue;
      }
      this.notePrimaryLimit(target.apiBaseUrl, response.headers);

      if (response.status === 304 && request.etag) {
        return { status: 304, etag: request.etag };
      }
      if (response.ok) {
        const text = await response.text();
        let body: T;
        try {
          body = JSON.parse(text);
        } catch {
          throw new GithubRequestError(
            `${what} answered ${response.status} with malformed JSON`,
            response.status,
          );
        }
        return {
          status: response.status,
          body,
          etag: response.headers.get('etag') ?? undefined,
          next: nextLink(response.headers.get('link')),
        };
      }

      const limitWait = this.rateLimitWait(target.apiBaseUrl, response);
      if (limitWait !== undefined && !last) {
        if (limitWait > this.maxRateLimitWaitMs) {
          throw new GithubRequestError(
            `${what} is rate limited for ${Math.ceil(
              limitWait / 1000,
            )} s, longer than the ${Math.round(
              this.maxRateLimitWaitMs / 1000,
            )} s allowed; the next sync resumes`,
            response.status,
          );
        }
        await this.sleep(limitWait);
        continue;
      }
      if (request.allow?.includes(response.status)) {
        await response.text().catch(() => undefined);
        return { status: response.status };
      }
      const detail = await readErrorDetail(response);
      if ((response.status >= 500 || response.status === 429) && !last) {
        await this.sleep(this.backoff(attempt));
        continue;
      }
      const tries = attempt > 1 ? ` (${attempt} attempts)` : '';
      throw new GithubRequestError(
        `${what} answered ${response.status}${detail}${tries}`,
        response.status,
      );
    }
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

  private async waitForPrimaryLimit(apiBaseUrl: string, what: string) {
    const until = this.pausedUntil.get(apiBaseUrl);
    if (until === undefined) return;
    const wait = until - this.now();
    this.pausedUntil.delete(apiBaseUrl);
    if (wait <= 0) return;
    if (wait > this.maxRateLimitWaitMs) {
      throw new GithubRequestError(
        `${what}: the rate limit resets in ${Math.ceil(
          wait / 1000,
        )} s, longer than the ${Math.round(
          this.maxRateLimitWaitMs / 1000,
        )} s allowed; the next sync resumes`,
      );
    }
    await this.sleep(wait);
  }

  /** A spent primary limit pauses every later request until its reset. */
  private notePrimaryLimit(apiBaseUrl: string, headers: Headers) {
    if (headers.get('x-ratelimit-remaining') !== '0') return;
    const reset = Number(headers.get('x-ratelimit-reset'));
    if (!Number.isFinite(reset) || reset <= 0) return;
    this.pausedUntil.set(apiBaseUrl, reset * 1000 + 1000);
  }

  /**
   * How long a refused request asks to wait: `retry-after` (secondary
   * limits), else the primary limit's reset when it is spent. Undefined for
   * a 403 that is not a rate limit.
   */
  private rateLimitWait(
    apiBaseUrl: string,
    response: Response,
  ): number | undefined {
    if (response.status !== 403 && response.status !== 429) return undefined;
    const retryAfter = response.headers.get('retry-after');
    if (retryAfter !== null && /^\s*\d+\s*$/.test(retryAfter)) {
      return Number(retryAfter) * 1000;
    }
    if (response.headers.get('x-ratelimit-remaining') === '0') {
      // Waited here; the pause noted for the next request is this one.
      this.pausedUntil.delete(apiBaseUrl);
      const reset = Number(response.headers.get('x-ratelimit-reset'));
      if (Number.isFinite(reset) && reset > 0) {
        return Math.max(reset * 1000 + 1000 - this.now(), 0);
      }
      return 60_000;
    }
    return undefined;
  }

  /** Exponential backoff with "equal jitter": half fixed, half random. */
  private backoff(attempt: number): number {
    const ceiling = this.backoffMs * 2 ** (attempt - 1);
    return Math.round(ceiling / 2 + (ceiling / 2) * this.random());
  }
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

async function readErrorDetail(response: Response): Promise<string> {
  try {
    const body = JSON.parse(await response.text());
    if (typeof body?.message === 'string') return `: ${body.message}`;
  } catch {
    // Not a GitHub error body: the status says enough.
  }
  return response.statusText ? ` ${response.statusText}` : '';
}

function isTimeout(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error.name === 'TimeoutError' || error.name === 'AbortError')
  );
}

function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error
    ? `${error.message} (${cause.message})`
    : error.message;
}
