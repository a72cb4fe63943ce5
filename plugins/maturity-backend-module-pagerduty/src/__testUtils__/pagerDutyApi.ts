import { HttpResponse, http } from 'msw';
import incidentsPage1 from '../__fixtures__/incidentsPage1.json';
import incidentsPage2 from '../__fixtures__/incidentsPage2.json';
import relatedChangeEvents from '../__fixtures__/relatedChangeEvents.json';

export const PD_BASE = 'https://pagerduty.test';
export const PD_TOKEN = 'u+TestTokenNeverLogged_42';
export const SERVICE_ID = 'PIJ90N7';
/** The incident the fixtures relate a change event to. */
export const LINKED_INCIDENT = 'Q3SYOO2T5U9HWN';

/** Requests the fake API saw, in order. */
export interface SeenRequest {
  path: string;
  query: URLSearchParams;
  headers: Headers;
}

/**
 * msw handlers answering like PagerDuty's REST API v2, with the fixtures: two
 * pages of incidents by offset, and one related change event for
 * {@link LINKED_INCIDENT}.
 */
export function pagerDutyHandlers(seen: SeenRequest[] = []) {
  return [
    http.get(`${PD_BASE}/incidents`, ({ request }) => {
      const url = new URL(request.url);
      seen.push({
        path: url.pathname,
        query: url.searchParams,
        headers: request.headers,
      });
      if (request.headers.get('authorization') !== `Token token=${PD_TOKEN}`) {
        return HttpResponse.json(
          { error: { message: 'Unauthorized', code: 2006 } },
          { status: 401 },
        );
      }
      const offset = Number(url.searchParams.get('offset') ?? 0);
      return HttpResponse.json(offset === 0 ? incidentsPage1 : incidentsPage2);
    }),
    http.get(
      `${PD_BASE}/incidents/:id/related_change_events`,
      ({ request, params }) => {
        const url = new URL(request.url);
        seen.push({
          path: url.pathname,
          query: url.searchParams,
          headers: request.headers,
        });
        return HttpResponse.json(
          params.id === LINKED_INCIDENT
            ? relatedChangeEvents
            : { change_events: [] },
        );
      },
    ),
  ];
}
