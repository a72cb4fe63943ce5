import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
// The real events backend: HTTP ingress and the validator this package adds.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import eventsPlugin from '@backstage/plugin-events-backend';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
// The real plugin gives the real sink: validation, idempotent store.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import maturityPlugin from '@maturity-for-backstage/backstage-plugin-maturity-backend';
import { setupServer } from 'msw/node';
import {
  LINKED_INCIDENT,
  PD_BASE,
  PD_TOKEN,
  SERVICE_ID,
  pagerDutyHandlers,
} from './__testUtils__/pagerDutyApi';
import webhookIncidentResolved from './__fixtures__/webhookIncidentResolved.json';
import { eventsModulePagerDutyWebhook } from './eventsModule';
import { maturityModulePagerDuty } from './module';
import { signPagerDutyBody } from './webhooks/verifyPagerDutySignature';

jest.setTimeout(30_000);

const SECRET = 'whsec-ingress-test';

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
];

async function startBackend({ webhookSecrets = [SECRET] } = {}) {
  const backend = await startTestBackend({
    features: [
      eventsPlugin,
      eventsModulePagerDutyWebhook,
      maturityPlugin,
      maturityModulePagerDuty,
      // One bus for every plugin, as in a real backend (the default mock
      // gives each plugin its own); the database-backed hub that carries
      // events across replicas stays out of the test.
      eventsServiceFactory,
      // Tasks never run: whatever is stored came by webhook.
      mockServices.scheduler.mock().factory,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({
        data: {
          events: { useEventBus: 'never' },
          maturity: {
            sources: {
              pagerduty: {
                token: PD_TOKEN,
                apiBaseUrl: PD_BASE,
                webhookSecrets,
              },
            },
          },
        },
      }),
    ],
  });
  const base = `http://localhost:${backend.server.port()}/api`;

  const deliver = (
    options: { signature?: string | null; body?: string } = {},
  ) => {
    const body = options.body ?? JSON.stringify(webhookIncidentResolved);
    const signature =
      options.signature === undefined
        ? signPagerDutyBody(body, SECRET)
        : options.signature;
    return fetch(`${base}/events/http/pagerduty`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'PagerDuty-Webhook/V3.0',
        'X-Webhook-Id': '5ac64822-3d1c-4d5b-8a8b-8dc2f6b3f1a0',
        'X-Webhook-Subscription': 'PY1OQQH',
        ...(signature === null ? {} : { 'X-PagerDuty-Signature': signature }),
      },
      body,
    });
  };

  const readIncidents = async () => {
    const res = await fetch(
      `${base}/maturity/v1/entities/component/default/checkout-api/events?type=incident`,
      { headers: { Authorization: mockCredentials.user.header() } },
    );
    expect(res.status).toBe(200);
    return ((await res.json()) as { items: Array<Record<string, any>> }).items;
  };

  return { deliver, readIncidents };
}

describe('PagerDuty webhooks through the events backend', () => {
  it('stores a signed delivery as it is answered', async () => {
    const { deliver, readIncidents } = await startBackend();
    const res = await deliver();
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ status: 'accepted' });
    expect(await readIncidents()).toEqual([
      expect.objectContaining({
        source: 'pagerduty',
        entityRef: 'component:default/checkout-api',
        externalId: `${LINKED_INCIDENT}:component:default/checkout-api`,
        status: 'resolved',
        resolvedAt: '2026-11-20T14:52:18.169Z',
        acknowledgedAt: '2026-11-20T14:19:30.000Z',
        linkedDeploymentIds: [
          '01DVQRN5FDOU7JAT2DWYFY5NJ8',
          '01DVQRKZ7W1N5B3Q8YHX4M2TCE',
        ],
        linkedCommitShas: [
          '9fceb02d0ae598e95dc970b74767f19372d61af8',
          '3a1c5e7f9b2d4f6a8c0e1b3d5f7a9c2e4b6d8f0a',
        ],
      }),
    ]);
  });

  it('refuses forged and unsigned deliveries, storing nothing', async () => {
    const { deliver, readIncidents } = await startBackend();
    const body = JSON.stringify(webhookIncidentResolved);
    const refusals = [
      await deliver({ signature: signPagerDutyBody(body, 'whsec-guessed') }),
      await deliver({
        // Signed, then altered on the way.
        signature: signPagerDutyBody(body, SECRET),
        body: body.replace('"resolved"', '"triggered"'),
      }),
      await deliver({ signature: null }),
    ];
    for (const res of refusals) {
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({
        message: 'Missing or invalid X-PagerDuty-Signature',
      });
    }
    expect(await readIncidents()).toEqual([]);
  });

  it('stores a delivery sent twice once', async () => {
    const { deliver, readIncidents } = await startBackend();
    expect((await deliver()).status).toBe(202);
    const first = await readIncidents();
    expect(first).toHaveLength(1);
    expect((await deliver()).status).toBe(202);
    expect(await readIncidents()).toEqual(first);
  });

  it('has no ingress without webhook secrets', async () => {
    const { deliver, readIncidents } = await startBackend({
      webhookSecrets: [],
    });
    expect((await deliver()).status).toBe(404);
    expect(await readIncidents()).toEqual([]);
  });
});
