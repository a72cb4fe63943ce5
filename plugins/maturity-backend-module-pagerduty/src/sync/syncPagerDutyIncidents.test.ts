import { mockServices } from '@backstage/backend-test-utils';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { PagerDutyClient } from '../api/PagerDutyClient';
import { RecordingSink } from '@internal/plugin-maturity-node/testUtils';
import {
  LINKED_INCIDENT,
  PD_BASE,
  PD_TOKEN,
  SERVICE_ID,
  SeenRequest,
  pagerDutyHandlers,
} from '../__testUtils__/pagerDutyApi';
import incidentsPage1 from '../__fixtures__/incidentsPage1.json';
import { syncPagerDutyIncidents } from './syncPagerDutyIncidents';

const ENTITY = 'component:default/checkout-api';
const NOW = new Date('2026-11-20T16:00:00Z');
const LOOKBACK_START = '2026-08-22T16:00:00.000Z';

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
  timeoutMs: 50,
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

const incidentListCalls = () => seen.filter(r => r.path === '/incidents');

describe('syncPagerDutyIncidents', () => {
  beforeEach(() => {
    waits.length = 0;
    jest.clearAllMocks();
  });

  it('reads every page, links change events and moves the cursor after the last page', async () => {
    const sink = new RecordingSink();
    const [result] = await sync(sink);

    expect(result).toMatchObject({
      serviceId: SERVICE_ID,
      incidents: 3,
      created: 3,
    });
    expect(result.error).toBeUndefined();
    const lists = incidentListCalls();
    expect(lists.map(r => r.query.get('offset'))).toEqual(['0', '2']);
    expect(lists[0].query.getAll('service_ids[]')).toEqual([SERVICE_ID]);
    expect(lists[0].query.get('since')).toBe(LOOKBACK_START);
    expect(lists[0].query.get('until')).toBe(NOW.toISOString());
    expect(lists[0].query.get('sort_by')).toBe('created_at:asc');
    expect(lists[0].headers.get('accept')).toBe(
      'application/vnd.pagerduty+json;version=2',
    );
    expect(sink.writes.map(w => w.length)).toEqual([2, 1]);

    expect(sink.events.get(`incident:${LINKED_INCIDENT}`)).toEqual({
      type: 'incident',
      externalId: LINKED_INCIDENT,
      entityRef: ENTITY,
      title: 'Checkout API pods crash-looping after deploy',
      status: 'acknowledged',
      urgency: 'high',
      priority: 'P2',
      triggeredAt: '2026-11-20T14:11:00Z',
      acknowledgedAt: '2026-11-20T14:19:30.000Z',
      linkedDeploymentIds: ['01DVQRN5FDOU7JAT2DWYFY5NJ8'],
      updatedAt: '2026-11-20T14:19:30.000Z',
      url: `https://acme.pagerduty.com/incidents/${LINKED_INCIDENT}`,
    });
    expect(sink.events.get('incident:Q0RIJJZL24RC6W')).toMatchObject({
      status: 'resolved',
      urgency: 'low',
      resolvedAt: '2026-11-10T22:05:13Z',
    });
    expect(sink.events.get('incident:Q0RIJJZL24RC6W')).not.toHaveProperty(
      'priority',
    );
    // The acknowledged incident is still open: the cursor waits for it.
    expect(sink.cursors.get(SERVICE_ID)).toBe('2026-11-20T14:11:00.000Z');
  });

  it('moves the cursor to the end of the run minus the overlap when nothing is open', async () => {
    server.use(
      http.get(`${PD_BASE}/incidents`, () =>
        HttpResponse.json({ ...incidentsPage1, more: false }),
      ),
    );
    const sink = new RecordingSink();
    await sync(sink);
    expect(sink.cursors.get(SERVICE_ID)).toBe('2026-11-20T15:50:00.000Z');
  });

  it('starts the next run from the stored cursor, and a replay writes nothing new', async () => {
    const sink = new RecordingSink();
    await sync(sink);
    seen.length = 0;

    const [again] = await sync(sink, new Date('2026-11-20T16:15:00Z'));
    expect(incidentListCalls()[0].query.get('since')).toBe(
      '2026-11-20T14:11:00.000Z',
    );
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(sink.events.size).toBe(3);
  });

  it('retries a 500 and succeeds', async () => {
    let calls = 0;
    server.use(
      http.get(`${PD_BASE}/incidents`, () =>
        ++calls === 1
          ? HttpResponse.json({ error: { message: 'Oops' } }, { status: 500 })
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

  it('fails on a persistent 502, keeping the cursor and what was stored', async () => {
    const sink = new RecordingSink();
    await sync(sink);
    const cursor = sink.cursors.get(SERVICE_ID);
    const stored = new Map(sink.events);

    server.use(
      http.get(
        `${PD_BASE}/incidents`,
        () => new HttpResponse('Bad Gateway', { status: 502 }),
      ),
    );
    const [result] = await sync(sink, new Date('2026-11-21T16:00:00Z'));
    expect(result.error?.message).toBe(
      'PagerDuty GET /incidents answered 502 Bad Gateway (4 attempts)',
    );
    expect(waits).toEqual([
      expect.any(Number),
      expect.any(Number),
      expect.any(Number),
    ]);
    expect(waits[2]).toBeGreaterThanOrEqual(20);
    expect(sink.cursors.get(SERVICE_ID)).toBe(cursor);
    expect(sink.events).toEqual(stored);
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringContaining(`sync of service ${SERVICE_ID} failed`),
    );
  });

  it('waits as long as a 429 asks, then succeeds', async () => {
    let calls = 0;
    server.use(
      http.get(`${PD_BASE}/incidents`, () =>
        ++calls === 1
          ? HttpResponse.json(
              { error: { message: 'Rate Limit Exceeded', code: 2020 } },
              { status: 429, headers: { 'Retry-After': '3' } },
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

  it('retries a request that times out', async () => {
    let calls = 0;
    server.use(
      http.get(`${PD_BASE}/incidents/:id/related_change_events`, async () => {
        if (++calls === 1) {
          await new Promise(resolve => setTimeout(resolve, 500));
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

  it('fails cleanly on malformed JSON, keeping the cursor', async () => {
    server.use(
      http.get(
        `${PD_BASE}/incidents`,
        () =>
          new HttpResponse('{"incidents": [', {
            headers: { 'Content-Type': 'application/json' },
          }),
      ),
    );
    const sink = new RecordingSink();
    const [result] = await sync(sink);
    expect(result.error?.message).toBe(
      'PagerDuty GET /incidents answered 200 with malformed JSON',
    );
    expect(waits).toEqual([]);
    expect(sink.cursors.has(SERVICE_ID)).toBe(false);
    expect(sink.events.size).toBe(0);
  });

  it('keeps page 1 and the cursor when page 2 fails, and the next run completes without duplicates', async () => {
    server.use(
      http.get(`${PD_BASE}/incidents`, ({ request }) =>
        new URL(request.url).searchParams.get('offset') === '2'
          ? HttpResponse.json(
              { error: { message: 'Forbidden', code: 2010 } },
              { status: 403 },
            )
          : undefined,
      ),
    );
    const sink = new RecordingSink();
    const [failed] = await sync(sink);
    expect(failed.error?.message).toBe(
      'PagerDuty GET /incidents answered 403: Forbidden',
    );
    expect(sink.events.size).toBe(2);
    expect(sink.cursors.has(SERVICE_ID)).toBe(false);

    server.resetHandlers(...pagerDutyHandlers(seen));
    seen.length = 0;
    const [completed] = await sync(sink);
    expect(incidentListCalls()[0].query.get('since')).toBe(LOOKBACK_START);
    expect(completed).toMatchObject({ created: 1, unchanged: 2 });
    expect(sink.events.size).toBe(3);
    expect(sink.cursors.get(SERVICE_ID)).toBe('2026-11-20T14:11:00.000Z');
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
