import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  SchedulerServiceTaskInvocationDefinition,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { EventsService, eventsServiceRef } from '@backstage/plugin-events-node';
// The real plugin gives the real sink: validation, idempotent store, cursors.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import maturityPlugin from '@maturity-for-backstage/backstage-plugin-maturity-backend';
import { setupServer } from 'msw/node';
import {
  FIXTURE_INCIDENTS,
  LINKED_INCIDENT,
  PD_BASE,
  PD_TOKEN,
  SERVICE_ID,
  pagerDutyHandlers,
  resolvedIncident,
} from './__testUtils__/pagerDutyApi';
import webhookIncidentAcknowledged from './__fixtures__/webhookIncidentAcknowledged.json';
import webhookIncidentResolved from './__fixtures__/webhookIncidentResolved.json';
import { maturityModulePagerDuty } from './module';
import { PAGERDUTY_SYNC_TASK_ID } from './PagerDutySource';

const ENTITY = 'component:default/checkout-api';
/** The external id of the linked incident's event for {@link ENTITY}. */
const LINKED_ID = `${LINKED_INCIDENT}:${ENTITY}`;
/** The fixtures' "now": their incidents are within the default lookback. */
const FIXTURES_NOW = new Date('2026-11-20T16:00:00Z');
const LINKED_CHANGE_EVENTS = [
  '01DVQRN5FDOU7JAT2DWYFY5NJ8',
  '01DVQRKZ7W1N5B3Q8YHX4M2TCE',
];
const LINKED_COMMITS = [
  '9fceb02d0ae598e95dc970b74767f19372d61af8',
  '3a1c5e7f9b2d4f6a8c0e1b3d5f7a9c2e4b6d8f0a',
];

const server = setupServer();
beforeAll(() =>
  server.listen({
    // The backend under test is reached on localhost; all else must be mocked.
    onUnhandledRequest: (request, print) => {
      if (new URL(request.url).hostname !== 'localhost') print.error();
    },
  }),
);
beforeEach(() => server.resetHandlers(...pagerDutyHandlers()));
afterAll(() => server.close());

// Only the clock is fake, and it runs: the sync asks PagerDuty for the
// incidents of the last 90 days, which must hold the fixtures'.
beforeEach(() => {
  jest.useFakeTimers({
    now: FIXTURES_NOW,
    advanceTimers: true,
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
});
afterEach(() => jest.useRealTimers());

const entities = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'checkout-api',
      namespace: 'default',
      annotations: { 'pagerduty.com/service-id': SERVICE_ID },
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'group:payments' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'ledger', namespace: 'default' },
    spec: { type: 'service', lifecycle: 'production', owner: 'group:payments' },
  },
];

/** A second component on {@link SERVICE_ID}: the service is shared. */
const worker = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout-worker',
    namespace: 'default',
    annotations: { 'pagerduty.com/service-id': SERVICE_ID },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'group:payments' },
};

async function startBackend(pagerduty?: object, catalog = entities) {
  const scheduler = mockServices.scheduler.mock();
  let events: EventsService | undefined;
  const eventsProbe = createBackendModule({
    pluginId: 'maturity',
    moduleId: 'events-probe',
    register(env) {
      env.registerInit({
        deps: { e: eventsServiceRef },
        async init({ e }) {
          events = e;
        },
      });
    },
  });
  const backend = await startTestBackend({
    features: [
      maturityPlugin,
      maturityModulePagerDuty,
      eventsProbe,
      scheduler.factory,
      mockServices.events.factory(),
      catalogServiceMock.factory({ entities: catalog }),
      mockServices.rootConfig.factory({
        data: { maturity: { sources: pagerduty ? { pagerduty } : {} } },
      }),
    ],
  });
  const task = () =>
    scheduler.scheduleTask.mock.calls
      .map(([t]) => t as SchedulerServiceTaskInvocationDefinition)
      .find(t => t.id === PAGERDUTY_SYNC_TASK_ID);
  const readEvents = async (name = 'checkout-api') => {
    const res = await fetch(
      `http://localhost:${backend.server.port()}/api/maturity/v1/entities/component/default/${name}/events?type=incident`,
      { headers: { Authorization: mockCredentials.user.header() } },
    );
    expect(res.status).toBe(200);
    return ((await res.json()) as { items: Array<Record<string, any>> }).items;
  };
  return { backend, task, readEvents, events: () => events! };
}

describe('maturityModulePagerDuty', () => {
  it('does nothing without maturity.sources.pagerduty', async () => {
    const { task } = await startBackend();
    expect(task()).toBeUndefined();
  });

  it('refuses to start with a misconfiguration, naming the key', async () => {
    await expect(
      startBackend({ token: PD_TOKEN, apiBaseUrl: 'not a url' }),
    ).rejects.toThrow(/maturity\.sources\.pagerduty\.apiBaseUrl/);
  });

  it('syncs on its schedule into the store, and a replay stores nothing new', async () => {
    const { task, readEvents } = await startBackend({
      token: PD_TOKEN,
      apiBaseUrl: PD_BASE,
      schedule: { frequency: { minutes: 5 }, timeout: { minutes: 3 } },
    });
    const scheduled = task()!;
    expect(scheduled).toMatchObject({
      scope: 'global',
      frequency: { minutes: 5 },
    });

    await scheduled.fn(new AbortController().signal);
    const first = await readEvents();
    expect(first.map(e => e.externalId).sort()).toEqual([
      `Q0RIJJZL24RC6W:${ENTITY}`,
      `Q1ZKQX2YB6A3GJ:${ENTITY}`,
      LINKED_ID,
    ]);
    expect(first.find(e => e.externalId === LINKED_ID)).toMatchObject({
      source: 'pagerduty',
      entityRef: ENTITY,
      status: 'acknowledged',
      linkedDeploymentIds: LINKED_CHANGE_EVENTS,
      // The commits its change events name, for the linker to match
      // against deployed SHAs whichever tool recorded the deployment.
      linkedCommitShas: LINKED_COMMITS,
    });

    await scheduled.fn(new AbortController().signal);
    const second = await readEvents();
    expect(second).toEqual(first);
  });

  it('keeps the acknowledgement time of an incident the sync sees acknowledged, then resolved', async () => {
    const { task, readEvents } = await startBackend({
      token: PD_TOKEN,
      apiBaseUrl: PD_BASE,
    });
    await task()!.fn(new AbortController().signal);
    const linked = async () =>
      (await readEvents()).find(e => e.externalId === LINKED_ID);
    expect(await linked()).toMatchObject({
      status: 'acknowledged',
      acknowledgedAt: '2026-11-20T14:19:30.000Z',
    });

    server.resetHandlers(
      ...pagerDutyHandlers([], {
        incidents: FIXTURE_INCIDENTS.map(i =>
          i.id === LINKED_INCIDENT
            ? resolvedIncident(i.id, '2026-11-20T14:52:18Z')
            : i,
        ),
      }),
    );
    await task()!.fn(new AbortController().signal);
    expect(await linked()).toMatchObject({
      status: 'resolved',
      resolvedAt: '2026-11-20T14:52:18.000Z',
      acknowledgedAt: '2026-11-20T14:19:30.000Z',
      linkedCommitShas: LINKED_COMMITS,
    });
  });

  it('writes a webhook delivery as it arrives; a duplicate changes nothing', async () => {
    const { readEvents, events } = await startBackend({
      token: PD_TOKEN,
      apiBaseUrl: PD_BASE,
    });
    const deliver = () =>
      events().publish({
        topic: 'pagerduty',
        eventPayload: webhookIncidentResolved,
        metadata: { 'x-pagerduty-signature': 'checked by the ingress' },
      });
    await deliver();
    const items = await readEvents();
    expect(items).toEqual([
      expect.objectContaining({
        externalId: LINKED_ID,
        status: 'resolved',
        resolvedAt: '2026-11-20T14:52:18.169Z',
        // From the incident's log: the delivery carries no acknowledgements.
        acknowledgedAt: '2026-11-20T14:19:30.000Z',
        linkedDeploymentIds: LINKED_CHANGE_EVENTS,
        linkedCommitShas: LINKED_COMMITS,
      }),
    ]);
    await deliver();
    expect(await readEvents()).toEqual(items);
  });

  it('keeps the acknowledgement time through incident.acknowledged, then incident.resolved', async () => {
    const { readEvents, events } = await startBackend({
      token: PD_TOKEN,
      apiBaseUrl: PD_BASE,
    });
    const deliver = (eventPayload: unknown) =>
      events().publish({
        topic: 'pagerduty',
        eventPayload,
        metadata: { 'x-pagerduty-signature': 'checked by the ingress' },
      });
    await deliver(webhookIncidentAcknowledged);
    expect(await readEvents()).toEqual([
      expect.objectContaining({
        status: 'acknowledged',
        acknowledgedAt: '2026-11-20T14:19:30.000Z',
      }),
    ]);
    await deliver(webhookIncidentResolved);
    expect(await readEvents()).toEqual([
      expect.objectContaining({
        status: 'resolved',
        acknowledgedAt: '2026-11-20T14:19:30.000Z',
        resolvedAt: '2026-11-20T14:52:18.169Z',
      }),
    ]);
  });

  it('writes a webhook delivery for a shared service once per entity, over the records the pull sync wrote', async () => {
    const { task, readEvents, events } = await startBackend(
      { token: PD_TOKEN, apiBaseUrl: PD_BASE },
      [...entities, worker],
    );
    const names = ['checkout-api', 'checkout-worker'];
    const read = async () => Promise.all(names.map(name => readEvents(name)));
    await task()!.fn(new AbortController().signal);
    const pulled = await read();
    expect(pulled.map(items => items.map(e => e.externalId).sort())).toEqual(
      names.map(name =>
        [
          `Q0RIJJZL24RC6W:component:default/${name}`,
          `Q1ZKQX2YB6A3GJ:component:default/${name}`,
          `${LINKED_INCIDENT}:component:default/${name}`,
        ].sort(),
      ),
    );

    const deliver = () =>
      events().publish({
        topic: 'pagerduty',
        eventPayload: webhookIncidentResolved,
        metadata: { 'x-pagerduty-signature': 'checked by the ingress' },
      });
    await deliver();
    const delivered = await read();
    names.forEach((name, i) => {
      const entityRef = `component:default/${name}`;
      // The same three records, the linked one now resolved.
      expect(delivered[i].map(e => e.externalId).sort()).toEqual(
        pulled[i].map(e => e.externalId).sort(),
      );
      expect(
        delivered[i].find(
          e => e.externalId === `${LINKED_INCIDENT}:${entityRef}`,
        ),
      ).toMatchObject({
        entityRef,
        status: 'resolved',
        resolvedAt: '2026-11-20T14:52:18.169Z',
        acknowledgedAt: '2026-11-20T14:19:30.000Z',
        linkedCommitShas: LINKED_COMMITS,
      });
    });

    await deliver();
    expect(await read()).toEqual(delivered);
  });
});
