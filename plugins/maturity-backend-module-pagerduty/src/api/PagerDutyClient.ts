import {
  RetryPolicy,
  fetchWithRetry,
  parseRetryAfter,
  readJsonBody,
  resolveRetryPolicy,
} from '@internal/plugin-maturity-node';
import {
  PagerDutyChangeEvent,
  PagerDutyIncident,
  PagerDutyIncidentPage,
} from './types';

/** Options of {@link PagerDutyClient}; the defaults suit production. */
export interface PagerDutyClientOptions extends RetryPolicy {
  /** e.g. https://api.pagerduty.com */
  baseUrl: string;
  /** REST API key; sent only in the Authorization header, never logged. */
  token: string;
  /** Longest wait a 429 may ask for; a longer ask is cut to it. Default 60 seconds. */
  maxRateLimitWaitMs?: number;
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

const pagerDutyRequestError = (message: string, status?: number) =>
  new PagerDutyRequestError(message, status);

/** Most incidents one `GET /incidents` page may hold. */
export const INCIDENT_PAGE_LIMIT = 100;

/**
 * The REST API v2 calls the sync needs, on global fetch with the shared
 * retry policy (timeouts; exponential backoff and jitter for 5xx, network
 * errors and timeouts), waiting for a 429 as long as PagerDuty asks
 * (`Retry-After`, else `ratelimit-reset`; bounded).
 */
export class PagerDutyClient {
  private readonly baseUrl: string;
  private readonly token: string;
  private readonly retry: Required<RetryPolicy>;

  constructor(options: PagerDutyClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.token = options.token;
    this.retry = resolveRetryPolicy(options);
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
    const response = await fetchWithRetry(
      url,
      {
        headers: {
          Accept: 'application/vnd.pagerduty+json;version=2',
          Authorization: `Token token=${this.token}`,
        },
      },
      {
        what,
        policy: this.retry,
        createError: pagerDutyRequestError,
        rateLimitWait: answer =>
          answer.status === 429 ? this.rateLimitWait(answer) : undefined,
        errorMessage: errorMessageOf,
      },
    );
    return readJsonBody(response, { what, createError: pagerDutyRequestError });
  }

  /**
   * The wait a 429 asks for (`Retry-After`, else `ratelimit-reset`), cut to
   * `maxRateLimitWaitMs`; without either, the retry backs off as for a 5xx.
   */
  private rateLimitWait(response: Response): number | undefined {
    const asked =
      parseRetryAfter(response.headers.get('retry-after')) ??
      parseRetryAfter(response.headers.get('ratelimit-reset'));
    return asked === undefined
      ? undefined
      : Math.min(asked, this.retry.maxRateLimitWaitMs);
  }
}

/** PagerDuty's error body: `{ error: { message, errors: [...] } }`. */
function errorMessageOf(body: any): string | undefined {
  const message = body?.error?.message;
  const errors: unknown = body?.error?.errors;
  const extra = Array.isArray(errors) ? errors.join('; ') : '';
  if (typeof message !== 'string') return undefined;
  return `${message}${extra ? ` (${extra})` : ''}`;
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
