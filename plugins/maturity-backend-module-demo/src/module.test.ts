import { SchedulerServiceTaskInvocationDefinition } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
// The real plugin gives the real sink and the real ingest API.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import maturityPlugin from '@maturity-for-backstage/backstage-plugin-maturity-backend';
import { DEMO_ACTIVITY_TASK_ID } from './DemoSource';
import { maturityModuleDemo } from './module';

jest.setTimeout(60_000);

const ENTITY_PATH = 'entities/component/default/checkout-api';

async function startBackend(demo?: object) {
  const scheduler = mockServices.scheduler.mock();
  const backend = await startTestBackend({
    features: [
      maturityPlugin,
      maturityModuleDemo,
      scheduler.factory,
      catalogServiceMock.factory({
        entities: [
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Component',
            metadata: { name: 'checkout-api', namespace: 'default' },
            spec: {
              type: 'service',
              lifecycle: 'production',
              owner: 'group:default/checkout',
            },
          },
        ],
      }),
      mockServices.rootConfig.factory({
        data: { maturity: demo ? { demo } : {} },
      }),
    ],
  });
  const task = () =>
    scheduler.scheduleTask.mock.calls
      .map(([t]) => t as SchedulerServiceTaskInvocationDefinition)
      .find(t => t.id === DEMO_ACTIVITY_TASK_ID);
  const call = (path: string, init: RequestInit = {}) =>
    fetch(`http://localhost:${backend.server.port()}/api/maturity/v1/${path}`, {
      ...init,
      headers: {
        Authorization: mockCredentials.service.header(),
        'Content-Type': 'application/json',
      },
    });
  return { task, call };
}

describe('maturityModuleDemo', () => {
  it('writes demo activity on its schedule through the plugin once maturity.demo.enabled', async () => {
    const { task, call } = await startBackend({ enabled: true });
    const scheduled = task()!;
    expect(scheduled).toMatchObject({
      scope: 'global',
      frequency: { minutes: 30 },
    });

    await scheduled.fn(new AbortController().signal);
    const res = await call(`${ENTITY_PATH}/events?type=deployment&limit=5`);
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as {
      items: Array<Record<string, unknown>>;
    };
    expect(items).toHaveLength(5);
    expect(items[0]).toMatchObject({
      source: 'demo',
      entityRef: 'component:default/checkout-api',
    });
  });

  it('keeps its source id to itself: the ingest API refuses demo events', async () => {
    const { call } = await startBackend({ enabled: true });
    const res = await call('events', {
      method: 'POST',
      body: JSON.stringify({
        events: [
          {
            type: 'deployment',
            source: 'demo',
            externalId: 'forged-1',
            entityRef: 'component:default/checkout-api',
            environment: 'production',
            status: 'success',
            startedAt: '2026-11-20T14:02:11Z',
          },
        ],
      }),
    });
    expect(res.status).toBe(403);
    expect(
      ((await res.json()) as { error: { message: string } }).error.message,
    ).toMatch(/^events\[0\]\.source: /);
  });

  it.each([[undefined], [{ enabled: false }]])(
    'writes nothing unless maturity.demo.enabled is true (%p)',
    async demo => {
      const { task } = await startBackend(demo);
      expect(task()).toBeUndefined();
    },
  );
});
