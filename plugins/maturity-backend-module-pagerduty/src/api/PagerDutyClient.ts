import {
  PagerDutyChangeEvent,
  PagerDutyIncident,
  PagerDutyIncidentPage,
} from './types';

/** Options of {@link PagerDutyClient}; the defaults suit production. */
export interface PagerDutyClientOptions {
  /** e.g. https://api.pagerduty.com */
  baseUrl: string;
  /** REST API key; sent only in the Authorization header, never logged. */
  token: string;
  /** Per-request timeout. Default 30 seconds. */
  timeoutMs?: number;
  /** Attempts per request, the first included. Default 4. */
  maxAttempts?: number;
  /** First backoff delay; doubles per attempt, with jitter. Default 1 second. */
  backoffMs?: number;
  /** Longest wait a 429 may ask for. Default 60 seconds. */
  maxRateLimitWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/**
 * A request PagerDuty refused or answered unusably. The message names the
 * method, path and status, never the token.
 */
export class PagerDutyRequestError extends Error {
  readonly status?: number;
  constructor(message: string, status?: number, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'PagerDutyRequestError';
    this.status = status;
  }
}

/** Most incidents one `GET /incidents` page may hold. */
export const INCIDENT_PAGE_LIMIT = 100;

const defaultSleep = (ms: number) =>
  new Promise<void>(resolve => setTimeout(resolve, ms));

/**
 * The REST API v2 calls the sync needs: global fetch with a timeout, retries
 * with exponential backoff and jitter for 5xx, network errors and timeouts,
 * and waits for 429 as long as PagerDuty asks (bounded).
 */
export class PagerDutyClient {
  private readonly baseUrl: string;
  private readonly token: string;
  private readonly timeoutMs: number;
  private readonly maxAttempts: number;
  private readonly backoffMs: number;
  private readonly maxRateLimitWaitMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(options: PagerDutyClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.token = options.token;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.maxAttempts = options.maxAttempts ?? 4;
    this.backoffMs = options.backoffMs ?? 1_000;
    this.maxRateLimitWaitMs = options.maxRateLimitWaitMs ?? 60_000;
    this.sleep = options.sleep ?? defaultSleep;
    this.random = options.random ?? Math.random;
  }

  /** One page of a service's incidents created in [since, until). */
  async listIncidents(request: {
    serviceId: string;
    since: string;
    until: string;
    offset: number;
    limit?: number;
  }): Promise<PagerDutyIncidentPage> {
    const query = new URLSearchParams();
    query.append('service_ids[]', request.serviceId);
    query.set('since', request.since);
    query.set('until', request.until);
    query.set('limit', String(request.limit ?? INCIDENT_PAGE_LIMIT));
    query.set('offset', String(request.offset));
    query.set('sort_by', 'created_at:asc');
    query.set('time_zone', 'UTC');
    const body = await this.get('/incidents', query);
    if (!isRecord(body) || !Array.isArray(body.incidents)) {
      throw new PagerDutyRequestError(
        'PagerDuty GET /incidents answered without an incidents array',
      );
    }
    const incidents = body.incidents.filter(isIncident);
    if (incidents.length !== body.incidents.length) {
      throw new PagerDutyRequestError(
        'PagerDuty GET /incidents answered incidents without id, status, created_at or service',
      );
    }
    return {
      incidents,
      limit: Number(body.limit ?? request.limit ?? INCIDENT_PAGE_LIMIT),
      offset: Number(body.offset ?? request.offset),
      more: body.more === true,
      total: typeof body.total === 'number' ? body.total : null,
    };
  }

  /** The change events PagerDuty correlated with an incident. */
  async listRelatedChangeEvents(
    incidentId: string,
  ): Promise<PagerDutyChangeEvent[]> {
    const path = `/incidents/${encodeURIComponent(
      incidentId,
    )}/related_change_events`;
    const body = await this.get(path, new URLSearchParams());
    if (!isRecord(body) || !Array.isArray(body.change_events)) {
      throw new PagerDutyRequestError(
        `PagerDuty GET ${path} answered without a change_events array`,
      );
    }
    return body.change_events.filter(
      (e): e is PagerDutyChangeEvent => isRecord(e) && typeof e.id === 'string',
    );
  }

  private async get(path: string, query: URLSearchParams): Promise<unknown> {
    const url = `${this.baseUrl}${path}${query.size ? `?${query}` : ''}`;
    const what = `PagerDuty GET ${path}`;
    for (let attempt = 1; ; attempt++) {
      const last = attempt >= this.maxAttempts;
      let response: Response;
      try {
        response = await fetch(url, {
          headers: {
            Accept: 'application/vnd.pagerduty+json;version=2',
            Authorization: `Token token=${this.token}`,
          },
          signal: AbortSignal.timeout(this.timeoutMs),
        });
      } catch (error) {
        const reason = isTimeout(error)
          ? `timed out after ${this.timeoutMs} ms`
          : `failed: ${describeNetworkError(error)}`;
        if (last) {
          throw new PagerDutyRequestError(
            `${what} ${reason} (${attempt} attempts)`,
          );
        }
        await this.sleep(this.backoff(attempt));
        continue;
      }

      if (response.ok) {
        const text = await response.text();
        try {
          return JSON.parse(text);
        } catch {
          throw new PagerDutyRequestError(
            `${what} answered ${response.status} with malformed JSON`,
            response.status,
          );
        }
      }

      const detail = await readErrorDetail(response);
      if (response.status === 429 && !last) {
        await this.sleep(this.rateLimitWait(response, attempt));
        continue;
      }
      if (response.status >= 500 && !last) {
        await this.sleep(this.backoff(attempt));
        continue;
      }
      const tries = attempt > 1 ? ` (${attempt} attempts)` : '';
      throw new PagerDutyRequestError(
        `${what} answered ${response.status}${detail}${tries}`,
        response.status,
      );
    }
  }

  /** Exponential backoff with "equal jitter": half fixed, half random. */
  private backoff(attempt: number): number {
    const ceiling = this.backoffMs * 2 ** (attempt - 1);
    return Math.round(ceiling / 2 + (ceiling / 2) * this.random());
  }

  private rateLimitWait(response: Response, attempt: number): number {
    const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
    const reset = parseSeconds(response.headers.get('ratelimit-reset'));
    const asked = retryAfter ?? reset;
    const wait = asked === undefined ? this.backoff(attempt) : asked;
    return Math.min(Math.max(wait, 0), this.maxRateLimitWaitMs);
  }
}

function parseSeconds(value: string | null): number | undefined {
  if (value === null || !/^\s*\d+(\.\d+)?\s*$/.test(value)) return undefined;
  return Number(value) * 1000;
}

/** `Retry-After` is either delay-seconds or an HTTP date. */
function parseRetryAfter(value: string | null): number | undefined {
  const seconds = parseSeconds(value);
  if (seconds !== undefined || value === null) return seconds;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : at - Date.now();
}

async function readErrorDetail(response: Response): Promise<string> {
  try {
    const body = JSON.parse(await response.text());
    const message = body?.error?.message;
    const errors: unknown = body?.error?.errors;
    const extra = Array.isArray(errors) ? errors.join('; ') : '';
    if (typeof message === 'string') {
      return `: ${message}${extra ? ` (${extra})` : ''}`;
    }
  } catch {
    // Not a PagerDuty error body: the status says enough.
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

function isRecord(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isIncident(value: unknown): value is PagerDutyIncident {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.status === 'string' &&
    typeof value.created_at === 'string' &&
    isRecord(value.service)
  );
}
