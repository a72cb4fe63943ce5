import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  SchedulerServiceTaskInvocationDefinition,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
// The real plugin gives the real sink: validation, idempotent store, cursors.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import maturityPlugin from '@maturity-for-backstage/backstage-plugin-maturity-backend';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import {
  MaturityEventSource,
  maturitySourcesExtensionPoint,
} from '@maturity-for-backstage/backstage-plugin-maturity-node';
import { RecordingSink } from '@maturity-for-backstage/backstage-plugin-maturity-node/testUtils';
import { setupServer } from 'msw/node';
import { githubHandlers, integrationsConfig } from './__testUtils__/githubApi';
import { maturityModuleGithub } from './module';
import { GITHUB_SYNC_TASK_ID } from './GithubSource';

jest.setTimeout(30_000);

const server = setupServer();
beforeAll(() =>
  server.listen({
    // The backend under test is reached on localhost; all else must be mocked.
    onUnhandledRequest: (request, print) => {
      if (new URL(request.url).hostname !== 'localhost') print.error();
    },
  }),
);
beforeEach(() => server.resetHandlers(...githubHandlers()));
afterEach(() => jest.useRealTimers());
afterAll(() => server.close());

/**
 * Fixes the system time (only `Date`; timers stay real and the clock runs on
 * from it): the fixtures' deployments and changes, up to 2026-11-20, are
 * inside the default 90-day initial lookback only until 2027-02-18.
 */
function fixSystemTime(iso: string) {
  jest.useFakeTimers({
    now: new Date(iso),
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
}

const entities = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'checkout-api',
      namespace: 'default',
      annotations: { 'github.com/project-slug': 'acme/shop' },
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'group:payments' },
  },
];

async function startBackend(
  github?: object,
  integrations = integrationsConfig,
) {
  const scheduler = mockServices.scheduler.mock();
  const backend = await startTestBackend({
    features: [
      maturityPlugin,
      maturityModuleGithub,
      scheduler.factory,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({
        data: {
          integrations,
          maturity: { sources: github ? { github } : {} },
        },
      }),
    ],
  });
  const task = () =>
    scheduler.scheduleTask.mock.calls
      .map(([t]) => t as SchedulerServiceTaskInvocationDefinition)
      .find(t => t.id === GITHUB_SYNC_TASK_ID);
  const readEvents = async () => {
    const res = await fetch(
      `http://localhost:${backend.server.port()}/api/maturity/v1/entities/component/default/checkout-api/events?limit=200`,
      { headers: { Authorization: mockCredentials.user.header() } },
    );
    expect(res.status).toBe(200);
    return ((await res.json()) as { items: Array<Record<string, any>> }).items;
  };
  return { backend, task, readEvents };
}

describe('maturityModuleGithub', () => {
  it('adds its source with what it collects and how it maps entities, and connects the pull and the webhooks to its sink', async () => {
    const added: MaturityEventSource[] = [];
    const scheduler = mockServices.scheduler.mock();
    const subscribe = jest.fn(async () => {});
    await startTestBackend({
      extensionPoints: [
        [
          maturitySourcesExtensionPoint,
          { addSource: (...sources) => added.push(...sources) },
        ],
      ],
      features: [
        maturityModuleGithub,
        scheduler.factory,
        createServiceFactory({
          service: eventsServiceRef,
          deps: {},
          factory: () => ({ publish: jest.fn(), subscribe }),
        }),
        catalogServiceMock.factory({ entities }),
        mockServices.rootConfig.factory({
          data: { integrations: integrationsConfig },
        }),
      ],
    });
    expect(added).toEqual([
      expect.objectContaining({
        id: 'github',
        collects: ['build', 'deployment', 'change', 'repo_fact'],
        entityAnnotations: ['github.com/project-slug'],
      }),
    ]);

    await added[0].connect(new RecordingSink());
    expect(scheduler.scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({ id: GITHUB_SYNC_TASK_ID }),
    );
    expect(subscribe).toHaveBeenCalledWith(
      expect.objectContaining({
        topics: expect.arrayContaining(['github.workflow_run']),
      }),
    );
  });

  it('runs with its defaults once integrations.github has credentials', async () => {
    const { task } = await startBackend();
    expect(task()).toMatchObject({
      scope: 'global',
      frequency: { minutes: 30 },
    });
  });

  it('does nothing without credentials and without maturity.sources.github', async () => {
    const { task } = await startBackend(undefined, {
      github: [{ host: 'github.com' } as any],
    });
    expect(task()).toBeUndefined();
  });

  it('does nothing when maturity.sources.github.enabled is false', async () => {
    const { task } = await startBackend({ enabled: false });
    expect(task()).toBeUndefined();
  });

  it('refuses to start with a misconfiguration, naming the key', async () => {
    await expect(startBackend({ maxConcurrency: 0 })).rejects.toThrow(
      /maturity\.sources\.github\.maxConcurrency/,
    );
  });

  it('refuses to start without credentials in integrations.github', async () => {
    await expect(
      startBackend({}, { github: [{ host: 'github.com' } as any] }),
    ).rejects.toThrow(
      /maturity\.sources\.github is configured, but integrations\.github has no token or GitHub App for any host/,
    );
  });

  it('syncs on its schedule into the store, and a replay stores nothing new', async () => {
    fixSystemTime('2026-12-01T12:00:00Z');
    const { task, readEvents } = await startBackend({
      schedule: { frequency: { minutes: 10 }, timeout: { minutes: 8 } },
    });
    const scheduled = task()!;
    expect(scheduled).toMatchObject({
      scope: 'global',
      frequency: { minutes: 10 },
    });

    await scheduled.fn(new AbortController().signal);
    const first = await readEvents();
    const count = (type: string) => first.filter(e => e.type === type).length;
    expect(count('build')).toBe(3);
    expect(count('deployment')).toBe(2);
    expect(count('change')).toBe(3);
    expect(count('repo_fact')).toBeGreaterThan(5);
    expect(
      first.find(
        e => e.externalId === 'acme/shop#42 component:default/checkout-api',
      ),
    ).toMatchObject({
      source: 'github',
      entityRef: 'component:default/checkout-api',
      state: 'merged',
      reviewCount: 2,
    });

    await scheduled.fn(new AbortController().signal);
    expect(await readEvents()).toEqual(first);
  });
});
