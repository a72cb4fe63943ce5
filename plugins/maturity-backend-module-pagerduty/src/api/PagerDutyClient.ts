import {
  RetryPolicy,
  fetchWithRetry,
  parseRetryAfter,
  readJsonBody,
  resolveRetryPolicy,
} from '@maturity-for-backstage/backstage-plugin-maturity-node';
import {
  PagerDutyChangeEvent,
  PagerDutyIncident,
  PagerDutyIncidentPage,
  PagerDutyLogEntry,
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
/** Most log entries one `GET /incidents/{id}/log_entries` page may hold. */
const LOG_ENTRY_PAGE_LIMIT = 100;
/**
 * Longest `since`..`until` span `GET /incidents` accepts is 6 months; 180
 * days is within that whatever the months.
 */
export const MAX_INCIDENT_SPAN_DAYS = 180;
const MAX_INCIDENT_SPAN_MS = MAX_INCIDENT_SPAN_DAYS * 24 * 60 * 60 * 1000;

/**
 * Which of a service's incidents `listIncidents` reads: those created in
 * [since, until) (a span of at most {@link MAX_INCIDENT_SPAN_DAYS}), or
 * those in the given statuses whenever they were created.
 */
export type IncidentSelection =
  | { since: string; until: string }
  | { statuses: Array<'triggered' | 'acknowledged' | 'resolved'> };

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

  /** One page of a service's incidents, oldest created first. */
  async listIncidents(
    request: IncidentSelection & {
      serviceId: string;
      offset: number;
      limit?: number;
    },
  ): Promise<PagerDutyIncidentPage> {
    const query = new URLSearchParams();
    query.append('service_ids[]', request.serviceId);
    if ('statuses' in request) {
      for (const status of request.statuses) {
        query.append('statuses[]', status);
      }
      // Without a range PagerDuty reads only the last 30 days.
      query.set('date_range', 'all');
    } else {
      const span = Date.parse(request.until) - Date.parse(request.since);
      if (!(span >= 0 && span <= MAX_INCIDENT_SPAN_MS)) {
        throw new PagerDutyRequestError(
          `PagerDuty GET /incidents reads at most ${MAX_INCIDENT_SPAN_DAYS} days at once, not ${request.since}..${request.until}`,
        );
      }
      query.set('since', request.since);
      query.set('until', request.until);
    }
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

  /** One incident as it is now; undefined when PagerDuty has none by that id. */
  async getIncident(
    incidentId: string,
  ): Promise<PagerDutyIncident | undefined> {
    const path = `/incidents/${encodeURIComponent(incidentId)}`;
    const body = await this.get(path, new URLSearchParams(), {
      notFound: true,
    });
    if (body === undefined) return undefined;
    if (!isRecord(body) || !isIncident(body.incident)) {
      throw new PagerDutyRequestError(
        `PagerDuty GET ${path} answered without an incident with id, status, created_at and service`,
      );
    }
    return body.incident;
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

  /**
   * Every entry of an incident's overview log (`is_overview=true`: status
   * changes such as acknowledgements and resolution, not each
   * notification), page by page.
   */
  async listIncidentLogEntries(
    incidentId: string,
  ): Promise<PagerDutyLogEntry[]> {
    const path = `/incidents/${encodeURIComponent(incidentId)}/log_entries`;
    const entries: PagerDutyLogEntry[] = [];
    for (let offset = 0; ; ) {
      const query = new URLSearchParams({
        is_overview: 'true',
        time_zone: 'UTC',
        limit: String(LOG_ENTRY_PAGE_LIMIT),
        offset: String(offset),
      });
      const body = await this.get(path, query);
      if (!isRecord(body) || !Array.isArray(body.log_entries)) {
        throw new PagerDutyRequestError(
          `PagerDuty GET ${path} answered without a log_entries array`,
        );
      }
      entries.push(...body.log_entries.filter(isLogEntry));
      if (body.more !== true || body.log_entries.length === 0) return entries;
      offset += body.log_entries.length;
    }
  }

  /**
   * A GET's JSON body; with `notFound`, undefined for a 404 instead of a
   * failure.
   */
  private async get(
    path: string,
    query: URLSearchParams,
    options: { notFound?: boolean } = {},
  ): Promise<unknown> {
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
        isAnswer: answer => options.notFound === true && answer.status === 404,
      },
    );
    if (response.status === 404) {
      await response.arrayBuffer().catch(() => undefined);
      return undefined;
    }
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

function isLogEntry(value: unknown): value is PagerDutyLogEntry {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.type === 'string' &&
    typeof value.created_at === 'string'
  );
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
