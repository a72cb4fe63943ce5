import { mockServices } from '@backstage/backend-test-utils';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { PagerDutyClient } from '../api/PagerDutyClient';
import { PagerDutyIncident } from '../api/types';
import { RecordingSink } from '@maturity-for-backstage/backstage-plugin-maturity-node/testUtils';
import {
  FIXTURE_INCIDENTS,
  LINKED_INCIDENT,
  PD_BASE,
  PD_TOKEN,
  SERVICE_ID,
  SeenRequest,
  pagerDutyHandlers,
  rateLimitHeaders,
  resolvedIncident,
} from '../__testUtils__/pagerDutyApi';
import { parseServiceCursor } from './ServiceCursor';
import { syncPagerDutyIncidents } from './syncPagerDutyIncidents';

const ENTITY = 'component:default/checkout-api';
const NOW = new Date('2026-11-20T16:00:00Z');
const LOOKBACK_START = '2026-08-22T16:00:00.000Z';
const DAY_MS = 24 * 60 * 60 * 1000;
const DEPLOY_COMMIT = '9fceb02d0ae598e95dc970b74767f19372d61af8';
const MERGED_COMMIT = '3a1c5e7f9b2d4f6a8c0e1b3d5f7a9c2e4b6d8f0a';

const seen: SeenRequest[] = [];
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  seen.length = 0;
  server.resetHandlers(...pagerDutyHandlers(seen));
});
afterAll(() => server.close());

const waits: number[] = [];
const client = new PagerDutyClient({
  baseUrl: PD_BASE,
  token: PD_TOKEN,
  // Long enough that a loaded CI machine never times out a prompt answer.
  timeoutMs: 1_000,
  backoffMs: 10,
  sleep: async ms => {
    waits.push(ms);
  },
});
const logger = mockServices.logger.mock();

function sync(sink: RecordingSink, now = NOW) {
  return syncPagerDutyIncidents({
    client,
    sink,
    services: new Map([[SERVICE_ID, [ENTITY]]]),
    logger,
    initialLookbackDays: 90,
    now,
  });
}

/** The sink's key of an incident's event for {@link ENTITY}. */
const keyOf = (incidentId: string) => `incident:${incidentId}:${ENTITY}`;
const cursorOf = (sink: RecordingSink) =>
  parseServiceCursor(sink.cursors.get(SERVICE_ID));
const listCalls = () => seen.filter(r => r.path === '/incidents');
const createdWindowCalls = () => listCalls().filter(r => r.query.has('since'));
const openCalls = () => listCalls().filter(r => r.query.has('statuses[]'));
const logCalls = () => seen.filter(r => r.path.endsWith('/log_entries'));

describe('syncPagerDutyIncidents', () => {
  beforeEach(() => {
    waits.length = 0;
    jest.clearAllMocks();
  });

  it('reads every page, links change events and their commits, and moves the cursor after the last page', async () => {
    const sink = new RecordingSink();
    const [result] = await sync(sink);

    expect(result).toMatchObject({
      serviceId: SERVICE_ID,
      incidents: 3,
      created: 3,
    });
    expect(result.error).toBeUndefined();
    const windows = createdWindowCalls();
    expect(windows.map(r => r.query.get('offset'))).toEqual(['0', '2']);
    expect(windows[0].query.getAll('service_ids[]')).toEqual([SERVICE_ID]);
    expect(windows[0].query.get('since')).toBe(LOOKBACK_START);
    expect(windows[0].query.get('until')).toBe(NOW.toISOString());
    expect(windows[0].query.get('sort_by')).toBe('created_at:asc');
    expect(windows[0].headers.get('accept')).toBe(
      'application/vnd.pagerduty+json;version=2',
    );
    // Open incidents are read whenever they were created.
    expect(openCalls()).toHaveLength(1);
    expect(openCalls()[0].query.getAll('statuses[]')).toEqual([
      'triggered',
      'acknowledged',
    ]);
    expect(openCalls()[0].query.get('date_range')).toBe('all');
    expect(openCalls()[0].query.has('since')).toBe(false);
    // The open one was read already: not written twice.
    expect(sink.writes.map(w => w.length)).toEqual([2, 1]);
    // PagerDuty's rate-limit headers on every answer ask for no wait.
    expect(waits).toEqual([]);

    expect(sink.events.get(keyOf(LINKED_INCIDENT))).toEqual({
      type: 'incident',
      externalId: `${LINKED_INCIDENT}:${ENTITY}`,
      entityRef: ENTITY,
      title: 'Checkout API pods crash-looping after deploy',
      status: 'acknowledged',
      urgency: 'high',
      priority: 'P2',
      triggeredAt: '2026-11-20T14:11:00Z',
      acknowledgedAt: '2026-11-20T14:19:30.000Z',
      linkedDeploymentIds: [
        '01DVQRN5FDOU7JAT2DWYFY5NJ8',
        '01DVQRKZ7W1N5B3Q8YHX4M2TCE',
      ],
      // From the deploy's custom_details.commit and the merge's commit link;
      // the abbreviated short_sha is left out.
      linkedCommitShas: [DEPLOY_COMMIT, MERGED_COMMIT],
      updatedAt: '2026-11-20T14:19:30.000Z',
      url: `https://acme.pagerduty.com/incidents/${LINKED_INCIDENT}`,
    });
    expect(sink.events.get(keyOf('Q0RIJJZL24RC6W'))).toMatchObject({
      status: 'resolved',
      urgency: 'low',
      resolvedAt: '2026-11-10T22:05:13Z',
    });
    expect(sink.events.get(keyOf('Q0RIJJZL24RC6W'))).not.toHaveProperty(
      'priority',
    );
    // Resolved with no acknowledgements listed: the log says there were none.
    expect(logCalls().map(r => r.path)).toEqual([
      '/incidents/Q1ZKQX2YB6A3GJ/log_entries',
      '/incidents/Q0RIJJZL24RC6W/log_entries',
    ]);
    expect(logCalls()[0].query.get('is_overview')).toBe('true');
    expect(sink.events.get(keyOf('Q1ZKQX2YB6A3GJ'))).not.toHaveProperty(
      'acknowledgedAt',
    );
    // The open incident no longer holds the cursor back; it is listed.
    expect(cursorOf(sink)).toEqual({
      since: '2026-11-20T15:50:00.000Z',
      open: [LINKED_INCIDENT],
      entityRefs: [ENTITY],
    });
  });

  it('starts the next run from the stored cursor, and a replay writes nothing new', async () => {
    const sink = new RecordingSink();
    await sync(sink);
    seen.length = 0;

    const [again] = await sync(sink, new Date('2026-11-20T16:15:00Z'));
    expect(createdWindowCalls()[0].query.get('since')).toBe(
      '2026-11-20T15:50:00.000Z',
    );
    // Only the open incident is read again.
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    expect(sink.events.size).toBe(3);
  });

  it('keeps the first acknowledgement of an incident that resolved since the last run', async () => {
    const sink = new RecordingSink();
    await sync(sink);
    const resolvedAt = '2026-11-20T14:52:18Z';
    server.resetHandlers(
      ...pagerDutyHandlers(seen, {
        incidents: FIXTURE_INCIDENTS.map(i =>
          i.id === LINKED_INCIDENT ? resolvedIncident(i.id, resolvedAt) : i,
        ),
      }),
    );
    seen.length = 0;

    const [result] = await sync(sink, new Date('2026-11-20T16:15:00Z'));
    expect(result.error).toBeUndefined();
    // Neither list returns it any more; it is read by id, then its log.
    expect(seen.map(r => r.path)).toEqual(
      expect.arrayContaining([
        `/incidents/${LINKED_INCIDENT}`,
        `/incidents/${LINKED_INCIDENT}/log_entries`,
      ]),
    );
    expect(sink.events.get(keyOf(LINKED_INCIDENT))).toMatchObject({
      status: 'resolved',
      resolvedAt,
      acknowledgedAt: '2026-11-20T14:19:30.000Z',
      linkedCommitShas: [DEPLOY_COMMIT, MERGED_COMMIT],
    });
    expect(cursorOf(sink)?.open).toEqual([]);
  });

  it('keeps the first acknowledgement when the resolved copy is read in the creation window', async () => {
    server.resetHandlers(
      ...pagerDutyHandlers(seen, {
        incidents: FIXTURE_INCIDENTS.map(i =>
          i.id === LINKED_INCIDENT
            ? resolvedIncident(i.id, '2026-11-20T14:52:18Z')
            : i,
        ),
      }),
    );
    const sink = new RecordingSink();
    await sync(sink);
    // The log has two acknowledgements (one timed out): the first counts.
    expect(sink.events.get(keyOf(LINKED_INCIDENT))).toMatchObject({
      status: 'resolved',
      acknowledgedAt: '2026-11-20T14:19:30.000Z',
    });
  });

  it('follows an incident left open for months without holding the cursor back', async () => {
    const longOpen: PagerDutyIncident = {
      ...FIXTURE_INCIDENTS[2],
      id: 'Q2OLDOPEN0001X',
      created_at: '2026-03-02T08:00:00Z',
      updated_at: '2026-03-02T08:05:00Z',
      last_status_change_at: '2026-03-02T08:05:00Z',
      acknowledgements: [{ at: '2026-03-02T08:05:00Z' }],
    };
    server.resetHandlers(
      ...pagerDutyHandlers(seen, {
        incidents: [longOpen, ...FIXTURE_INCIDENTS],
      }),
    );
    const sink = new RecordingSink();
    const [first] = await sync(sink);
    expect(first.error).toBeUndefined();
    // Created before the lookback, read by the open-incident query.
    expect(sink.events.get(keyOf('Q2OLDOPEN0001X'))).toMatchObject({
      status: 'acknowledged',
      acknowledgedAt: '2026-03-02T08:05:00.000Z',
    });
    expect(cursorOf(sink)).toEqual({
      since: '2026-11-20T15:50:00.000Z',
      open: [LINKED_INCIDENT, 'Q2OLDOPEN0001X'].sort(),
      entityRefs: [ENTITY],
    });

    // Months on, it is still open: every run still succeeds.
    const later = new Date(NOW.getTime() + 120 * DAY_MS);
    const [next] = await sync(sink, later);
    expect(next.error).toBeUndefined();
    expect(cursorOf(sink)?.since).toBe(
      new Date(later.getTime() - 10 * 60 * 1000).toISOString(),
    );
  });

  it('catches up a cursor more than 6 months behind in spans PagerDuty accepts', async () => {
    const sink = new RecordingSink();
    // The bare-time cursor of earlier versions, held at an open incident.
    await sink.setCursor(SERVICE_ID, '2025-10-01T00:00:00Z');
    const [result] = await sync(sink);
    expect(result.error).toBeUndefined();

    const spans = createdWindowCalls()
      .filter(r => r.query.get('offset') === '0')
      .map(r => [r.query.get('since'), r.query.get('until')]);
    expect(spans).toEqual([
      ['2025-10-01T00:00:00Z', '2026-03-30T00:00:00.000Z'],
      ['2026-03-30T00:00:00.000Z', '2026-09-26T00:00:00.000Z'],
      ['2026-09-26T00:00:00.000Z', NOW.toISOString()],
    ]);
    expect(sink.events.size).toBe(3);
    expect(cursorOf(sink)?.since).toBe('2026-11-20T15:50:00.000Z');
  });

  it('stops following an open incident PagerDuty no longer has', async () => {
    const sink = new RecordingSink();
    await sink.setCursor(
      SERVICE_ID,
      JSON.stringify({ since: '2026-11-20T15:00:00.000Z', open: ['QGONE'] }),
    );
    const [result] = await sync(sink);
    expect(result.error).toBeUndefined();
    expect(seen.map(r => r.path)).toContain('/incidents/QGONE');
    expect(cursorOf(sink)?.open).toEqual([LINKED_INCIDENT]);
  });

  it('retries a 500 and succeeds', async () => {
    let calls = 0;
    server.use(
      http.get(`${PD_BASE}/incidents`, () =>
        ++calls === 1
          ? HttpResponse.json(
              { error: { message: 'Oops' } },
              { status: 500, headers: rateLimitHeaders() },
            )
          : undefined,
      ),
    );
    const sink = new RecordingSink();
    const [result] = await sync(sink);
    expect(result.error).toBeUndefined();
    expect(result.created).toBe(3);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThanOrEqual(5);
    expect(waits[0]).toBeLessThanOrEqual(10);
  });

  it('waits as long as a 429 asks by Retry-After, then succeeds', async () => {
    let calls = 0;
    server.use(
      http.get(`${PD_BASE}/incidents`, () =>
        ++calls === 1
          ? HttpResponse.json(
              { error: { message: 'Rate Limit Exceeded', code: 2020 } },
              {
                status: 429,
                headers: { ...rateLimitHeaders(0, 7), 'Retry-After': '3' },
              },
            )
          : undefined,
      ),
    );
    const sink = new RecordingSink();
    const [result] = await sync(sink);
    expect(result.error).toBeUndefined();
    expect(waits).toEqual([3000]);
    expect(sink.events.size).toBe(3);
  });

  it('waits as long as a 429 asks by ratelimit-reset, then succeeds', async () => {
    let calls = 0;
    server.use(
      http.get(`${PD_BASE}/incidents/:id/related_change_events`, () =>
        ++calls === 1
          ? HttpResponse.json(
              { error: { message: 'Rate Limit Exceeded', code: 2020 } },
              { status: 429, headers: rateLimitHeaders(0, 12) },
            )
          : undefined,
      ),
    );
    const sink = new RecordingSink();
    const [result] = await sync(sink);
    expect(result.error).toBeUndefined();
    expect(waits).toEqual([12_000]);
    expect(sink.events.size).toBe(3);
  });

  it('retries a request that times out', async () => {
    let calls = 0;
    server.use(
      http.get(`${PD_BASE}/incidents/:id/related_change_events`, async () => {
        if (++calls === 1) {
          await new Promise(resolve => setTimeout(resolve, 1_500));
        }
        return undefined;
      }),
    );
    const sink = new RecordingSink();
    const [result] = await sync(sink);
    expect(result.error).toBeUndefined();
    expect(waits).toHaveLength(1);
    expect(sink.events.size).toBe(3);
  });

  it('keeps the cursor when the sink refuses a page', async () => {
    const sink = new RecordingSink();
    sink.failNextWrite = new Error('events[0].entityRef is invalid');
    const [result] = await sync(sink);
    expect(result.error?.message).toBe('events[0].entityRef is invalid');
    expect(sink.cursors.has(SERVICE_ID)).toBe(false);
  });

  it('never puts the token in an error or a log line', async () => {
    const badClient = new PagerDutyClient({
      baseUrl: PD_BASE,
      token: 'wrong-token-value',
      sleep: async () => {},
    });
    const sink = new RecordingSink();
    const [result] = await syncPagerDutyIncidents({
      client: badClient,
      sink,
      services: new Map([[SERVICE_ID, [ENTITY]]]),
      logger,
      initialLookbackDays: 90,
      now: NOW,
    });
    expect(result.error?.message).toBe(
      'PagerDuty GET /incidents answered 401: Unauthorized',
    );
    const logged = JSON.stringify(logger.error.mock.calls);
    expect(logged).not.toContain('wrong-token-value');
    expect(result.error?.message).not.toContain('wrong-token-value');
  });

  it('writes one event per entity when a service maps to several', async () => {
    const sink = new RecordingSink();
    await syncPagerDutyIncidents({
      client,
      sink,
      services: new Map([
        [SERVICE_ID, [ENTITY, 'component:default/checkout-worker']],
      ]),
      logger,
      initialLookbackDays: 90,
      now: NOW,
    });
    expect([...sink.events.keys()].sort()).toEqual(
      [
        `incident:Q0RIJJZL24RC6W:${ENTITY}`,
        'incident:Q0RIJJZL24RC6W:component:default/checkout-worker',
        `incident:Q1ZKQX2YB6A3GJ:${ENTITY}`,
        'incident:Q1ZKQX2YB6A3GJ:component:default/checkout-worker',
        `incident:${LINKED_INCIDENT}:${ENTITY}`,
        `incident:${LINKED_INCIDENT}:component:default/checkout-worker`,
      ].sort(),
    );
  });
});

/**
 * Each fault hits a service already synced once, then the sync after it
 * succeeds: the failed run must leave the cursor where it was and the
 * store with exactly what it held, no event lost or written twice.
 */
describe('syncPagerDutyIncidents under faults', () => {
  // Three open incidents: the second run reads them in two pages.
  const openIncidents = FIXTURE_INCIDENTS.map(incident => ({
    ...incident,
    status: 'acknowledged',
    resolved_at: null,
    acknowledgements: [{ at: incident.created_at }],
  }));
  const LATER = new Date(NOW.getTime() + 60 * 60 * 1000);
  const rateLimited = (headers: Record<string, string>) =>
    HttpResponse.json(
      { error: { message: 'Rate Limit Exceeded', code: 2020 } },
      { status: 429, headers: { ...rateLimitHeaders(0, 30), ...headers } },
    );

  beforeEach(() => {
    waits.length = 0;
    server.resetHandlers(
      ...pagerDutyHandlers(seen, { incidents: openIncidents }),
    );
  });

  it.each([
    {
      fault: 'a 500 on every attempt',
      answer: () =>
        HttpResponse.json(
          { error: { message: 'Internal Server Error' } },
          { status: 500, headers: rateLimitHeaders() },
        ),
      error:
        'PagerDuty GET /incidents answered 500: Internal Server Error (4 attempts)',
      waited: (w: number[]) => expect(w).toHaveLength(3),
    },
    {
      fault: 'a 502 on every attempt',
      answer: () => new HttpResponse('Bad Gateway', { status: 502 }),
      error: 'PagerDuty GET /incidents answered 502 Bad Gateway (4 attempts)',
      waited: (w: number[]) => expect(w[2]).toBeGreaterThanOrEqual(20),
    },
    {
      fault: 'a 429 with Retry-After on every attempt',
      answer: () => rateLimited({ 'Retry-After': '3' }),
      error:
        'PagerDuty GET /incidents answered 429: Rate Limit Exceeded (4 attempts)',
      waited: (w: number[]) => expect(w).toEqual([3000, 3000, 3000]),
    },
    {
      fault: 'a 429 with ratelimit-reset on every attempt',
      answer: () => rateLimited({ 'ratelimit-reset': '12' }),
      error:
        'PagerDuty GET /incidents answered 429: Rate Limit Exceeded (4 attempts)',
      waited: (w: number[]) => expect(w).toEqual([12_000, 12_000, 12_000]),
    },
    {
      fault: 'a timeout on every attempt',
      answer: async () => {
        await new Promise(resolve => setTimeout(resolve, 1_500));
        return HttpResponse.json({ incidents: [] });
      },
      error: 'PagerDuty GET /incidents timed out after 1000 ms (4 attempts)',
      waited: (w: number[]) => expect(w).toHaveLength(3),
    },
    {
      fault: 'malformed JSON',
      answer: () =>
        new HttpResponse('{"incidents": [', {
          headers: {
            'Content-Type': 'application/json',
            ...rateLimitHeaders(),
          },
        }),
      error: 'PagerDuty GET /incidents answered 200 with malformed JSON',
      waited: (w: number[]) => expect(w).toEqual([]),
    },
    {
      fault: 'a crash on page 2',
      onlyPage2: true,
      answer: () => HttpResponse.error(),
      error: expect.stringMatching(
        /^PagerDuty GET \/incidents failed: .+ \(4 attempts\)$/,
      ),
      waited: (w: number[]) => expect(w).toHaveLength(3),
    },
  ])(
    'after $fault, the cursor is where it was and nothing stored is lost or duplicated',
    async ({ answer, error, waited, onlyPage2 }) => {
      const sink = new RecordingSink();
      const [seeded] = await sync(sink);
      expect(seeded.error).toBeUndefined();
      const cursor = sink.cursors.get(SERVICE_ID);
      const stored = new Map(JSON.parse(JSON.stringify([...sink.events])));
      expect(stored.size).toBe(3);
      waits.length = 0;

      server.use(
        http.get(`${PD_BASE}/incidents`, ({ request }) =>
          !onlyPage2 || new URL(request.url).searchParams.get('offset') === '2'
            ? answer()
            : undefined,
        ),
      );
      const [failed] = await sync(sink, LATER);
      expect(failed.error?.message).toEqual(error);
      waited(waits);
      expect(sink.cursors.get(SERVICE_ID)).toBe(cursor);
      expect(sink.events).toEqual(stored);
      expect(logger.error).toHaveBeenCalledWith(
        expect.stringContaining(`sync of service ${SERVICE_ID} failed`),
      );

      server.resetHandlers(
        ...pagerDutyHandlers(seen, { incidents: openIncidents }),
      );
      const [completed] = await sync(sink, LATER);
      expect(completed.error).toBeUndefined();
      expect(completed).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
      expect(sink.events).toEqual(stored);
      expect(cursorOf(sink)).toEqual({
        since: new Date(LATER.getTime() - 10 * 60 * 1000).toISOString(),
        open: openIncidents.map(i => i.id).sort(),
        entityRefs: [ENTITY],
      });
    },
  );
});
