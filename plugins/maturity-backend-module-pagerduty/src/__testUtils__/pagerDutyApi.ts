import { HttpResponse, http } from 'msw';
import { PagerDutyIncident } from '../api/types';
import incidentsPage1 from '../__fixtures__/incidentsPage1.json';
import incidentsPage2 from '../__fixtures__/incidentsPage2.json';
import relatedChangeEvents from '../__fixtures__/relatedChangeEvents.json';
import incidentLogEntries from '../__fixtures__/incidentLogEntries.json';
import incidentLogEntriesNeverAcknowledged from '../__fixtures__/incidentLogEntriesNeverAcknowledged.json';

export const PD_BASE = 'https://pagerduty.test';
export const PD_TOKEN = 'u+TestTokenNeverLogged_42';
export const SERVICE_ID = 'PIJ90N7';
/**
 * The incident the fixtures relate change events to; acknowledged in the
 * incident fixtures, acknowledged (twice) and resolved in its log.
 */
export const LINKED_INCIDENT = 'Q3SYOO2T5U9HWN';
/** The incidents of the fixtures, oldest first: two resolved, one acknowledged. */
export const FIXTURE_INCIDENTS = [
  ...incidentsPage1.incidents,
  ...incidentsPage2.incidents,
] as PagerDutyIncident[];
/** The span `GET /incidents` refuses beyond: 6 months. */
const MAX_SPAN_MONTHS = 6;
/** Without since/until PagerDuty lists the last 30 days. */
const DEFAULT_RANGE_MS = 30 * 24 * 60 * 60 * 1000;

/** Requests the fake API saw, in order. */
export interface SeenRequest {
  path: string;
  query: URLSearchParams;
  headers: Headers;
}

/** How the fake PagerDuty is populated. */
export interface FakePagerDutyOptions {
  /** The incidents it holds. Default {@link FIXTURE_INCIDENTS}. */
  incidents?: PagerDutyIncident[];
  /**
   * Most incidents a page holds whatever `limit` asks for (PagerDuty's
   * answer says the limit it applied). Default 2, so the fixtures take two
   * pages.
   */
  pageSize?: number;
  /** "Now" for the default range of a list without since/until. */
  now?: Date;
}

/**
 * PagerDuty's rate-limit headers, which it sends on every REST answer
 * (REST API Rate Limits: `ratelimit-limit`, `ratelimit-remaining`,
 * `ratelimit-reset` in seconds).
 */
export function rateLimitHeaders(remaining = 959, reset = 60) {
  return {
    'ratelimit-limit': '960',
    'ratelimit-remaining': String(remaining),
    'ratelimit-reset': String(reset),
  };
}

const json = (body: unknown, init: { status?: number } = {}) =>
  HttpResponse.json(body as any, {
    status: init.status ?? 200,
    headers: rateLimitHeaders(),
  });

const invalidInput = (message: string) =>
  json(
    {
      error: {
        message: 'Invalid Input Provided',
        code: 2001,
        errors: [message],
      },
    },
    { status: 400 },
  );

function addMonths(time: number, months: number): number {
  const date = new Date(time);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.getTime();
}

/** The fixture log of an incident: the linked one's, else one never acknowledged. */
function logOf(id: string) {
  if (id === LINKED_INCIDENT) return incidentLogEntries;
  return {
    ...incidentLogEntriesNeverAcknowledged,
    log_entries: incidentLogEntriesNeverAcknowledged.log_entries.map(entry => ({
      ...entry,
      incident: {
        ...entry.incident,
        id,
        self: `https://api.pagerduty.com/incidents/${id}`,
        html_url: `https://acme.pagerduty.com/incidents/${id}`,
      },
    })),
  };
}

/**
 * msw handlers answering like PagerDuty's REST API v2 over a set of
 * incidents: `GET /incidents` filtered by `service_ids[]`, `statuses[]` and
 * the creation range (`since`/`until` of at most 6 months, `date_range=all`,
 * else the last 30 days) and paged by offset; `GET /incidents/{id}`; the
 * overview log of each incident; and the related change events of
 * {@link LINKED_INCIDENT}. Every answer has the rate-limit headers.
 */
export function pagerDutyHandlers(
  seen: SeenRequest[] = [],
  options: FakePagerDutyOptions = {},
) {
  const incidents = options.incidents ?? FIXTURE_INCIDENTS;
  const pageSize = options.pageSize ?? 2;
  const now = (options.now ?? new Date('2026-11-20T16:00:00Z')).getTime();
  const record = (request: Request) => {
    const url = new URL(request.url);
    seen.push({
      path: url.pathname,
      query: url.searchParams,
      headers: request.headers,
    });
    return url;
  };
  const unauthorized = (request: Request) =>
    request.headers.get('authorization') !== `Token token=${PD_TOKEN}`
      ? json(
          { error: { message: 'Unauthorized', code: 2006 } },
          { status: 401 },
        )
      : undefined;

  return [
    http.get(`${PD_BASE}/incidents`, ({ request }) => {
      const url = record(request);
      const refused = unauthorized(request);
      if (refused) return refused;
      const query = url.searchParams;
      const services = query.getAll('service_ids[]');
      const statuses = query.getAll('statuses[]');
      let from = -Infinity;
      let to = Infinity;
      if (query.get('date_range') !== 'all') {
        const since = query.get('since');
        const until = query.get('until');
        to = until ? Date.parse(until) : now;
        from = since ? Date.parse(since) : to - DEFAULT_RANGE_MS;
        if (to > addMonths(from, MAX_SPAN_MONTHS)) {
          return invalidInput(
            'The date range between since and until must not exceed 6 months',
          );
        }
      }
      const matching = incidents.filter(incident => {
        const created = Date.parse(incident.created_at);
        return (
          (services.length === 0 || services.includes(incident.service.id)) &&
          (statuses.length === 0 || statuses.includes(incident.status)) &&
          created >= from &&
          created < to
        );
      });
      const offset = Number(query.get('offset') ?? 0);
      const limit = Math.min(Number(query.get('limit') ?? 25), pageSize);
      return json({
        incidents: matching.slice(offset, offset + limit),
        limit,
        offset,
        more: offset + limit < matching.length,
        total: null,
      });
    }),
    http.get(`${PD_BASE}/incidents/:id`, ({ request, params }) => {
      record(request);
      const refused = unauthorized(request);
      if (refused) return refused;
      const incident = incidents.find(i => i.id === params.id);
      return incident
        ? json({ incident })
        : json(
            { error: { message: 'Not Found', code: 2100 } },
            { status: 404 },
          );
    }),
    http.get(`${PD_BASE}/incidents/:id/log_entries`, ({ request, params }) => {
      record(request);
      const refused = unauthorized(request);
      if (refused) return refused;
      return json(logOf(String(params.id)));
    }),
    http.get(
      `${PD_BASE}/incidents/:id/related_change_events`,
      ({ request, params }) => {
        record(request);
        const refused = unauthorized(request);
        if (refused) return refused;
        return json(
          params.id === LINKED_INCIDENT
            ? relatedChangeEvents
            : { change_events: [] },
        );
      },
    ),
  ];
}

/** An incident of the fixtures as PagerDuty lists it once it is resolved. */
export function resolvedIncident(
  id: string,
  resolvedAt: string,
): PagerDutyIncident {
  const incident = FIXTURE_INCIDENTS.find(i => i.id === id)!;
  return {
    ...incident,
    // PagerDuty empties these once an incident is resolved.
    assignments: [],
    acknowledgements: [],
    status: 'resolved',
    updated_at: resolvedAt,
    last_status_change_at: resolvedAt,
    resolved_at: resolvedAt,
  } as PagerDutyIncident;
}
