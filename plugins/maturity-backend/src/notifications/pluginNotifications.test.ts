import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { notificationService } from '@backstage/plugin-notifications-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { maturityPlugin } from '../plugin';
import { FakeNotificationService } from './__testUtils__/FakeNotificationService';

jest.setTimeout(60_000);

const ENTITY_URL = '/api/maturity/v1/entities/component/default/checkout-api';
const ANA = { Authorization: mockCredentials.user.header('user:default/ana') };
const BO = { Authorization: mockCredentials.user.header('user:default/bo') };

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout-api', namespace: 'default' },
    spec: { type: 'service', owner: 'checkout', lifecycle: 'production' },
  },
];

/** The plugin in a backend where everyone may do everything. */
async function startBackend(notifications?: FakeNotificationService) {
  const logger = mockServices.logger.mock();
  const { server } = await startTestBackend({
    features: [
      maturityPlugin,
      catalogServiceMock.factory({ entities }),
      mockServices.scheduler.mock().factory,
      mockServices.permissions.mock({
        authorize: async requests =>
          requests.map(() => ({ result: AuthorizeResult.ALLOW })),
      }).factory,
      logger.factory,
      ...(notifications
        ? [
            createServiceFactory({
              service: notificationService,
              deps: {},
              factory: () => notifications,
            }),
          ]
        : []),
    ],
  });
  return { server, logger };
}

const requestExemption = (server: Parameters<typeof request>[0]) =>
  request(server).post(`${ENTITY_URL}/exemptions`).set(ANA).send({
    checkId: 'test.3.e2e-tests',
    reason: 'E2E suite runs in the storefront repository',
  });

describe('the plugin notifies', () => {
  it('the owner of a requested exemption and then its requester of the decision', async () => {
    const notifications = new FakeNotificationService();
    const { server } = await startBackend(notifications);

    const requested = await requestExemption(server);
    expect(requested.status).toBe(201);
    const approved = await request(server)
      .post(`/api/maturity/v1/exemptions/${requested.body.id}/approve`)
      .set(BO)
      .send({ comment: 'fine for now' });
    expect(approved.status).toBe(200);

    expect(
      notifications.sent.map(({ recipients, payload }) => ({
        recipients,
        topic: payload.topic,
        link: payload.link,
      })),
    ).toEqual([
      {
        recipients: {
          type: 'entity',
          entityRef: ['group:default/checkout'],
          excludeEntityRef: ['user:default/ana'],
        },
        topic: 'maturity-exemption-requested',
        link: '/catalog/default/component/checkout-api/maturity',
      },
      {
        recipients: { type: 'entity', entityRef: ['user:default/ana'] },
        topic: 'maturity-exemption-decided',
        link: '/catalog/default/component/checkout-api/maturity',
      },
    ]);
  });

  it('nobody, and fails nothing, in a backend without the notifications backend', async () => {
    // Backstage's own notification service posts to /api/notifications of
    // this backend, which has no such plugin.
    const { server, logger } = await startBackend();

    const requested = await requestExemption(server);

    expect(requested.status).toBe(201);
    await new Promise(resolve => setTimeout(resolve, 100));
    expect(logger.debug).toHaveBeenCalledWith(
      expect.stringMatching(
        /is the notifications backend installed\?.*status 404/,
      ),
    );
    expect(logger.error).not.toHaveBeenCalled();
  });
});
