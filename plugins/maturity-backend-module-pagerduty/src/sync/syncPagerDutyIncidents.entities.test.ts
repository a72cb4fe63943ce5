import { mockServices } from '@backstage/backend-test-utils';
import { IngestResult } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { SourceEvent } from '@maturity-for-backstage/backstage-plugin-maturity-node';
import { RecordingSink } from '@maturity-for-backstage/backstage-plugin-maturity-node/testUtils';
import { setupServer } from 'msw/node';
import { PagerDutyClient } from '../api/PagerDutyClient';
import {
  FIXTURE_INCIDENTS,
  LINKED_INCIDENT,
  PD_BASE,
  PD_TOKEN,
  SERVICE_ID,
  SeenRequest,
  pagerDutyHandlers,
  resolvedIncident,
} from '../__testUtils__/pagerDutyApi';
import { parseServiceCursor } from './ServiceCursor';
import { syncPagerDutyIncidents } from './syncPagerDutyIncidents';

const ENTITY = 'component:default/checkout-api';
const WORKER = 'component:default/checkout-worker';
const NOW = new Date('2026-11-20T16:00:00Z');
const LATER = new Date('2026-11-20T17:00:00Z');
/** Where the first run's cursor stands: NOW minus the overlap. */
const POSITION = '2026-11-20T15:50:00.000Z';
/** 90 days before LATER: where a re-read at LATER starts. */
const LATER_LOOKBACK_START = '2026-08-22T17:00:00.000Z';

const seen: SeenRequest[] = [];
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  seen.length = 0;
  server.resetHandlers(...pagerDutyHandlers(seen));
});
afterAll(() => server.close());

const client = new PagerDutyClient({
  baseUrl: PD_BASE,
  token: PD_TOKEN,
  sleep: async () => {},
});
const logger = mockServices.logger.mock();

/** A RecordingSink that also tells what each write did, by entity. */
class TallyingSink extends RecordingSink {
  readonly byEntity = new Map<string, IngestResult>();

  async write(events: SourceEvent[]): Promise<IngestResult> {
    const before = new Map(this.events);
    const result = await super.write(events);
    for (const event of events) {
      if (!('externalId' in event)) continue;
      const key = `${event.type}:${event.externalId}`;
      const tally = this.byEntity.get(event.entityRef) ?? {
        created: 0,
        updated: 0,
        unchanged: 0,
      };
      if (!before.has(key)) tally.created++;
      else if (before.get(key) !== this.events.get(key)) tally.updated++;
      else tally.unchanged++;
      this.byEntity.set(event.entityRef, tally);
    }
    return result;
  }
}

async function sync(sink: RecordingSink, entityRefs: string[], now: Date) {
  seen.length = 0;
  const [result] = await syncPagerDutyIncidents({
    client,
    sink,
    services: new Map([[SERVICE_ID, entityRefs]]),
    logger,
    initialLookbackDays: 90,
    now,
  });
  expect(result.error).toBeUndefined();
  return result;
}

/** The stored incidents of one entity, by key. */
const incidentsOf = (sink: RecordingSink, entityRef: string) =>
  new Map([...sink.events].filter(([, e]) => e.entityRef === entityRef));

/** The start of the creation window the last sync read. */
const windowSince = () =>
  seen
    .find(r => r.path === '/incidents' && r.query.has('since'))
    ?.query.get('since');
const cursorOf = (sink: RecordingSink) =>
  parseServiceCursor(sink.cursors.get(SERVICE_ID));

describe('syncPagerDutyIncidents: entities mapped to an already-synced service', () => {
  beforeEach(() => jest.clearAllMocks());

  it('gives a second entity the service’s history and leaves the first one’s incidents as they were', async () => {
    const sink = new TallyingSink();
    await sync(sink, [ENTITY], NOW);
    const first = incidentsOf(sink, ENTITY);
    expect([...first.keys()].sort()).toEqual(
      FIXTURE_INCIDENTS.map(i => `incident:${i.id}:${ENTITY}`).sort(),
    );
    expect(cursorOf(sink)?.entityRefs).toEqual([ENTITY]);

    sink.byEntity.clear();
    await sync(sink, [ENTITY, WORKER], LATER);

    // Read again from the lookback, not from the stored position.
    expect(windowSince()).toBe(LATER_LOOKBACK_START);
    expect(logger.info).toHaveBeenCalledWith(
      `PagerDuty service ${SERVICE_ID}: ${WORKER} newly mapped; reading again from ${LATER_LOOKBACK_START}`,
    );

    // The first entity: the same ids and records, nothing created or
    // changed; the open incident an incremental run reads anyway came back
    // unchanged, the resolved ones were not written for it again.
    expect(incidentsOf(sink, ENTITY)).toEqual(first);
    expect(sink.byEntity.get(ENTITY)).toEqual({
      created: 0,
      updated: 0,
      unchanged: 1,
    });
    // The second: everything a first sync of the shared service gives it.
    const fresh = new RecordingSink();
    await sync(fresh, [ENTITY, WORKER], LATER);
    const second = incidentsOf(sink, WORKER);
    expect(second).toEqual(incidentsOf(fresh, WORKER));
    expect(second.size).toBe(FIXTURE_INCIDENTS.length);
    expect(sink.byEntity.get(WORKER)).toEqual({
      created: FIXTURE_INCIDENTS.length,
      updated: 0,
      unchanged: 0,
    });
    expect(sink.events.size).toBe(2 * FIXTURE_INCIDENTS.length);
    expect(cursorOf(sink)).toEqual(cursorOf(fresh));
    expect(cursorOf(sink)?.entityRefs).toEqual([ENTITY, WORKER]);

    // Covered now: the next sync is incremental again.
    await sync(sink, [ENTITY, WORKER], LATER);
    expect(windowSince()).toBe('2026-11-20T16:50:00.000Z');
  });

  it('writes an incident that resolved since the last run for every entity', async () => {
    const sink = new TallyingSink();
    await sync(sink, [ENTITY], NOW);
    const resolvedAt = '2026-11-20T16:20:00Z';
    server.resetHandlers(
      ...pagerDutyHandlers(seen, {
        incidents: FIXTURE_INCIDENTS.map(i =>
          i.id === LINKED_INCIDENT ? resolvedIncident(i.id, resolvedAt) : i,
        ),
      }),
    );

    sink.byEntity.clear();
    await sync(sink, [ENTITY, WORKER], LATER);
    // As an incremental run would: the first entity's copy resolves.
    expect(sink.byEntity.get(ENTITY)).toEqual({
      created: 0,
      updated: 1,
      unchanged: 0,
    });
    for (const entityRef of [ENTITY, WORKER]) {
      expect(
        sink.events.get(`incident:${LINKED_INCIDENT}:${entityRef}`),
      ).toMatchObject({
        entityRef,
        status: 'resolved',
        acknowledgedAt: '2026-11-20T14:19:30.000Z',
      });
    }
  });

  it('does not read again for an entity no longer mapped', async () => {
    const sink = new RecordingSink();
    await sync(sink, [ENTITY, WORKER], NOW);
    const before = new Map(sink.events);

    await sync(sink, [ENTITY], LATER);
    expect(windowSince()).toBe(POSITION);
    expect(logger.info).not.toHaveBeenCalledWith(
      expect.stringContaining('newly mapped'),
    );
    // The removed entity's records are the store's to age out.
    expect(sink.events).toEqual(before);
    expect(cursorOf(sink)?.entityRefs).toEqual([ENTITY]);
  });

  it('catches up from a stored position older than the lookback for every entity', async () => {
    const sink = new RecordingSink();
    await sink.setCursor(
      SERVICE_ID,
      JSON.stringify({
        since: '2025-10-01T00:00:00Z',
        open: [],
        entityRefs: [ENTITY],
      }),
    );
    await sync(sink, [ENTITY, WORKER], NOW);
    expect(windowSince()).toBe('2025-10-01T00:00:00Z');
    expect(incidentsOf(sink, ENTITY).size).toBe(FIXTURE_INCIDENTS.length);
    expect(incidentsOf(sink, WORKER).size).toBe(FIXTURE_INCIDENTS.length);
  });

  it.each([
    ['{ since, open }', JSON.stringify({ since: POSITION, open: [] })],
    ['a bare time', POSITION],
  ])(
    'counts a cursor stored before entity sets (%s) as built for the entities mapped now',
    async (_, stored) => {
      const sink = new RecordingSink();
      await sink.setCursor(SERVICE_ID, stored);
      await sync(sink, [ENTITY, WORKER], LATER);
      expect(windowSince()).toBe(POSITION);
      expect(cursorOf(sink)?.entityRefs).toEqual([ENTITY, WORKER]);
    },
  );
});
