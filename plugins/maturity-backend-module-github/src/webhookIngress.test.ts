import {
  BackendFeature,
  SchedulerServiceTaskInvocationDefinition,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
// The real events backend and GitHub events module: HTTP ingress, signature
// check and routing to `github.<event>` topics, as deployed.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import eventsPlugin from '@backstage/plugin-events-backend';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
// The real plugin gives the real sink: validation, idempotent store.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import maturityPlugin from '@maturity-for-backstage/backstage-plugin-maturity-backend';
import { setupServer } from 'msw/node';
import { createHmac, randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import deploymentStatusCreated from './__fixtures__/webhooks/deploymentStatusCreated.json';
import pullRequestClosed from './__fixtures__/webhooks/pullRequestClosed.json';
import pushDefaultBranch from './__fixtures__/webhooks/pushDefaultBranch.json';
import workflowRunCompleted from './__fixtures__/webhooks/workflowRunCompleted.json';
import {
  ENTITY,
  githubHandlers,
  integrationsConfig,
} from './__testUtils__/githubApi';
import { webhookLookupHandlers } from './__testUtils__/webhookLookupHandlers';
import { maturityModuleGithub } from './module';

jest.setTimeout(30_000);

/**
 * The two modules `@backstage/plugin-events-backend-module-github` installs:
 * the signed ingress at /api/events/http/github and the router to
 * `github.<X-GitHub-Event>`. Its default export loads them with a dynamic
 * import(), which Jest's VM cannot run, so they are required directly.
 */
const githubEventsDist = dirname(
  require.resolve('@backstage/plugin-events-backend-module-github'),
);
const githubEventsModules: BackendFeature[] = [
  'service/eventsModuleGithubWebhook.cjs.js',
  'service/eventsModuleGithubEventRouter.cjs.js',
].map(file => require(join(githubEventsDist, file)).default);

const SECRET = "It's a Secret to Everybody";

const server = setupServer();
beforeAll(() =>
  server.listen({
    // The backend under test is reached on localhost; all else must be mocked.
    onUnhandledRequest: (request, print) => {
      if (new URL(request.url).hostname !== 'localhost') print.error();
    },
  }),
);
beforeEach(() =>
  server.resetHandlers(...githubHandlers(), ...webhookLookupHandlers()),
);
afterAll(() => server.close());

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

/** The `X-Hub-Signature-256` GitHub sends: HMAC-SHA256 of the raw body. */
const sign = (body: string, secret = SECRET) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

async function startBackend({ webhookSecret = SECRET as string | null } = {}) {
  const scheduler = mockServices.scheduler.mock();
  const backend = await startTestBackend({
    features: [
      eventsPlugin,
      ...githubEventsModules,
      maturityPlugin,
      maturityModuleGithub,
      // One bus for every plugin, as in a real backend (the default mock
      // gives each plugin its own).
      eventsServiceFactory,
      // Tasks run only when a test runs them: the pull sync never does, so
      // whatever is stored came by webhook.
      scheduler.factory,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({
        data: {
          integrations: integrationsConfig,
          events: {
            // The bus between plugins of this process; the database-backed
            // hub that carries events across replicas stays out of the test.
            useEventBus: 'never',
            ...(webhookSecret
              ? { modules: { github: { webhookSecret } } }
              : {}),
          },
          maturity: { sources: { github: {} } },
        },
      }),
    ],
  });
  const base = `http://localhost:${backend.server.port()}/api`;

  const deliver = (
    event: string,
    payload: unknown,
    options: { signature?: string | null; id?: string; body?: string } = {},
  ) => {
    const body = options.body ?? JSON.stringify(payload);
    const signature =
      options.signature === undefined ? sign(body) : options.signature;
    return fetch(`${base}/events/http/github`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'GitHub-Hookshot/044aadd',
        'X-GitHub-Event': event,
        'X-GitHub-Delivery': options.id ?? randomUUID(),
        'X-GitHub-Hook-ID': '292430182',
        ...(signature === null ? {} : { 'X-Hub-Signature-256': signature }),
      },
      body,
    });
  };

  const readEvents = async () => {
    const res = await fetch(
      `${base}/maturity/v1/entities/component/default/checkout-api/events?limit=200`,
      { headers: { Authorization: mockCredentials.user.header() } },
    );
    expect(res.status).toBe(200);
    return ((await res.json()) as { items: Array<Record<string, any>> }).items;
  };

  /** Evaluates the entities queued since the last run, as scheduled. */
  const evaluateQueued = () =>
    scheduler.scheduleTask.mock.calls
      .map(([task]) => task as SchedulerServiceTaskInvocationDefinition)
      .find(task => task.id === 'maturity-evaluate-changed')!
      .fn(new AbortController().signal);

  const readScorecardStatus = async () =>
    (
      await fetch(
        `${base}/maturity/v1/entities/component/default/checkout-api/scorecard`,
        { headers: { Authorization: mockCredentials.user.header() } },
      )
    ).status;

  return { deliver, readEvents, evaluateQueued, readScorecardStatus };
}

describe('GitHub webhooks through the events backend', () => {
  it('stores a signed delivery of each event as it is answered, and queues the entity', async () => {
    const { deliver, readEvents, evaluateQueued, readScorecardStatus } =
      await startBackend();
    await evaluateQueued();
    expect(await readScorecardStatus()).toBe(404);

    for (const [event, payload] of [
      ['workflow_run', workflowRunCompleted],
      ['deployment_status', deploymentStatusCreated],
      ['pull_request', pullRequestClosed],
      ['push', pushDefaultBranch],
    ] as const) {
      const res = await deliver(event, payload);
      expect(res.status).toBe(202);
      expect(await res.json()).toEqual({ status: 'accepted' });
    }

    const stored = await readEvents();
    expect(stored.map(e => `${e.type} ${e.externalId}`).sort()).toEqual([
      `build 30433641 ${ENTITY}`,
      `change acme/shop#42 ${ENTITY}`,
      `change acme/shop@f00dfacef00dfacef00dfacef00dfacef00dface ${ENTITY}`,
      `deployment 1002 ${ENTITY}`,
    ]);
    expect(
      stored.every(e => e.source === 'github' && e.entityRef === ENTITY),
    ).toBe(true);
    expect(stored.find(e => e.type === 'deployment')).toMatchObject({
      environment: 'production',
      status: 'success',
      finishedAt: '2026-11-20T10:15:00.000Z',
    });

    // The sink queued the entity: the next queue run scores it.
    await evaluateQueued();
    expect(await readScorecardStatus()).toBe(200);
  });

  it('refuses forged and unsigned deliveries, storing nothing', async () => {
    const { deliver, readEvents } = await startBackend();
    const body = JSON.stringify(workflowRunCompleted);
    const refusals = [
      await deliver('workflow_run', workflowRunCompleted, {
        signature: sign(body, 'a guessed secret'),
      }),
      await deliver('workflow_run', workflowRunCompleted, {
        // Signed, then altered on the way.
        signature: sign(body),
        body: body.replace('"success"', '"failure"'),
      }),
      await deliver('workflow_run', workflowRunCompleted, { signature: null }),
    ];
    for (const res of refusals) {
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ message: 'invalid signature' });
    }
    expect(await readEvents()).toEqual([]);
  });

  it('stores a delivery sent twice once', async () => {
    const { deliver, readEvents } = await startBackend();
    const id = randomUUID();
    expect(
      (await deliver('workflow_run', workflowRunCompleted, { id })).status,
    ).toBe(202);
    const first = await readEvents();
    expect(first).toHaveLength(1);
    // GitHub's "Redeliver" sends the same body under the same delivery id.
    expect(
      (await deliver('workflow_run', workflowRunCompleted, { id })).status,
    ).toBe(202);
    expect(await readEvents()).toEqual(first);
  });

  it('has no ingress without a webhook secret, and starts all the same', async () => {
    const { deliver, readEvents } = await startBackend({ webhookSecret: null });
    const res = await deliver('workflow_run', workflowRunCompleted);
    expect(res.status).toBe(404);
    expect(await readEvents()).toEqual([]);
  });
});
