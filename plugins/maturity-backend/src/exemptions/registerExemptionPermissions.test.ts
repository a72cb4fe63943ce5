import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { maturityEntityConditions } from '@maturity-for-backstage/backstage-plugin-maturity-node';
import request from 'supertest';
import { maturityPlugin } from '../plugin';

jest.setTimeout(60_000);

describe('registerExemptionPermissions', () => {
  it("resolves a policy's conditions on the catalog entity, for the permission backend", async () => {
    const { server } = await startTestBackend({
      features: [
        maturityPlugin,
        mockServices.scheduler.mock().factory,
        catalogServiceMock.factory({
          entities: [
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Component',
              metadata: { name: 'checkout-api', namespace: 'default' },
              spec: { owner: 'group:default/checkout' },
              relations: [
                { type: 'ownedBy', targetRef: 'group:default/checkout' },
              ],
            },
          ],
        }),
      ],
    });
    const notOwner = (claims: string[]) => ({
      not: maturityEntityConditions.isEntityOwner({ claims }),
    });
    const res = await request(server)
      .post('/api/maturity/.well-known/backstage/permissions/apply-conditions')
      .set({ Authorization: mockCredentials.service.header() })
      .send({
        items: [
          {
            id: 'owner',
            resourceRef: 'component:default/checkout-api',
            resourceType: 'catalog-entity',
            conditions: notOwner(['group:default/checkout']),
          },
          {
            id: 'platform',
            resourceRef: 'component:default/checkout-api',
            resourceType: 'catalog-entity',
            conditions: notOwner(['group:default/platform']),
          },
          {
            id: 'gone',
            resourceRef: 'component:default/gone',
            resourceType: 'catalog-entity',
            conditions: notOwner(['group:default/platform']),
          },
        ],
      });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      { id: 'owner', result: 'DENY' },
      { id: 'platform', result: 'ALLOW' },
      { id: 'gone', result: 'DENY' },
    ]);
  });
});
