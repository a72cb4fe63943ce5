import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import {
  MATURITY_API as BASE,
  startMaturityTestBackend,
  USER,
} from './__testUtils__/maturityTestBackend';

jest.setTimeout(60_000);

const SERVICE = { Authorization: mockCredentials.service.header() };
const CHECKOUT = `${BASE}/entities/component/default/checkout-api`;
const CART = `${BASE}/entities/component/default/cart-service`;

const entities: Entity[] = ['checkout-api', 'cart-service'].map(name => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { type: 'service', owner: 'group:default/checkout' },
}));

const deployment = (n: number, entityRef: string) => ({
  type: 'deployment',
  source: 'argocd',
  externalId: `deploy-${n}`,
  entityRef,
  environment: 'production',
  status: 'success',
  startedAt: `2026-11-${10 + n}T11:00:00Z`,
});

const incident = {
  type: 'incident',
  source: 'pagerduty',
  externalId: 'PD-1',
  entityRef: 'component:default/checkout-api',
  status: 'resolved',
  urgency: 'high',
  triggeredAt: '2026-11-15T08:00:00Z',
  resolvedAt: '2026-11-15T09:00:00Z',
};

async function startBackend(
  permissions?: ReturnType<typeof mockServices.permissions.mock>,
) {
  return (await startMaturityTestBackend({ entities, permissions })).server;
}

/** Stored ids of an entity's events, newest first. */
async function storedIds(server: any, entityUrl: string): Promise<string[]> {
  const page = await request(server).get(`${entityUrl}/events`).set(USER);
  return page.body.items.map((e: { id: string }) => e.id);
}

describe('GET /entities/{kind}/{namespace}/{name}/events/by-id', () => {
  it("reads the entity's events the ids name, in their order", async () => {
    const server = await startBackend();
    const ingested = await request(server)
      .post(`${BASE}/events`)
      .set(SERVICE)
      .send({
        events: [
          deployment(1, 'component:default/checkout-api'),
          deployment(2, 'component:default/checkout-api'),
          incident,
          deployment(3, 'component:default/cart-service'),
        ],
      });
    expect(ingested.status).toBe(200);
    const [incidentId, d2, d1] = await storedIds(server, CHECKOUT);
    const [cartDeploy] = await storedIds(server, CART);

    const response = await request(server)
      .get(`${CHECKOUT}/events/by-id`)
      .query(`id=${d1}&id=${cartDeploy}&id=${incidentId}&id=deployment:999999`)
      .set(USER);

    expect([response.status, response.body.error?.message]).toEqual([
      200,
      undefined,
    ]);
    expect(response.body.items.map((e: { id: string }) => e.id)).toEqual([
      d1,
      incidentId,
    ]);
    expect(response.body.items[1]).toMatchObject({
      type: 'incident',
      externalId: 'PD-1',
      triggeredAt: '2026-11-15T08:00:00.000Z',
    });

    const single = await request(server)
      .get(`${CHECKOUT}/events/by-id`)
      .query({ id: d2, from: '2026-11-12T00:00:00Z' })
      .set(USER);
    expect(single.body.items.map((e: { id: string }) => e.id)).toEqual([d2]);
    const outside = await request(server)
      .get(`${CHECKOUT}/events/by-id`)
      .query({ id: d1, from: '2026-11-12T00:00:00Z' })
      .set(USER);
    expect(outside.body).toEqual({ items: [] });
  });

  it('refuses malformed, missing and too many ids, naming the parameter', async () => {
    const server = await startBackend();
    for (const query of [
      'id=deployment:abc',
      'id=release:1',
      '',
      Array.from({ length: 101 }, (_, i) => `id=change:${i + 1}`).join('&'),
    ]) {
      const response = await request(server)
        .get(`${CHECKOUT}/events/by-id`)
        .query(query)
        .set(USER);
      expect([query.slice(0, 20), response.status]).toEqual([
        query.slice(0, 20),
        400,
      ]);
      expect(response.body.error.message).toMatch(/\bid\b/);
    }
  });

  it('needs the events read permission', async () => {
    const server = await startBackend(
      mockServices.permissions.mock({
        authorize: async requests =>
          requests.map(r => ({
            result:
              'permission' in r && r.permission.name === 'maturity.events.read'
                ? AuthorizeResult.DENY
                : AuthorizeResult.ALLOW,
          })),
      }),
    );
    const response = await request(server)
      .get(`${CHECKOUT}/events/by-id`)
      .query({ id: 'deployment:1' })
      .set(USER);
    expect(response.status).toBe(403);
  });
});
