import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { mockServices } from '@backstage/backend-test-utils';
import { DefaultNotificationService } from '@backstage/plugin-notifications-node';
import { FakeNotificationService } from './__testUtils__/FakeNotificationService';
import {
  OwnerNotification,
  OwnerNotificationSender,
} from './OwnerNotificationSender';

const notification: OwnerNotification = {
  to: ['group:default/checkout'],
  notTo: ['user:default/ada'],
  payload: { title: 'Maturity level dropped: checkout-api', topic: 't' },
};

/** Backstage's own service, posting to `baseUrl` as discovery gives it. */
function realService(baseUrl: string) {
  return DefaultNotificationService.create({
    auth: mockServices.auth(),
    discovery: {
      getBaseUrl: async () => baseUrl,
      getExternalBaseUrl: async () => baseUrl,
    },
  });
}

describe('OwnerNotificationSender', () => {
  let server: Server | undefined;
  afterEach(
    () =>
      new Promise(resolve =>
        server ? server.close(resolve) : resolve(undefined),
      ),
  );

  it('sends to the entities, leaving out those excluded', async () => {
    const notifications = new FakeNotificationService();
    const sender = new OwnerNotificationSender({
      notifications,
      logger: mockServices.logger.mock(),
    });

    await expect(
      sender.send([notification, { ...notification, to: [] }]),
    ).resolves.toBe(true);

    expect(notifications.sent).toEqual([
      {
        recipients: {
          type: 'entity',
          entityRef: ['group:default/checkout'],
          excludeEntityRef: ['user:default/ada'],
        },
        payload: notification.payload,
      },
    ]);
  });

  it('drops the notification with a debug line where the backend has no notifications plugin (404)', async () => {
    // A Backstage backend answers 404 under /api/notifications when the
    // notifications backend is not installed.
    server = createServer((_req, res) => {
      res.statusCode = 404;
      res.end();
    });
    await new Promise<void>(resolve => server!.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const logger = mockServices.logger.mock();
    const sender = new OwnerNotificationSender({
      notifications: realService(`http://127.0.0.1:${port}/api/notifications`),
      logger,
    });

    await expect(sender.send([notification])).resolves.toBe(false);

    expect(logger.debug).toHaveBeenCalledWith(
      expect.stringContaining('Request failed with status 404'),
    );
    expect(logger.warn).not.toHaveBeenCalled();
    expect(logger.error).not.toHaveBeenCalled();
  });

  it('drops the notification with a debug line when nothing listens at the address', async () => {
    const closed = createServer();
    await new Promise<void>(resolve => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise(resolve => closed.close(resolve));
    const logger = mockServices.logger.mock();
    const sender = new OwnerNotificationSender({
      notifications: realService(`http://127.0.0.1:${port}/api/notifications`),
      logger,
    });

    await expect(sender.send([notification])).resolves.toBe(false);

    expect(logger.debug).toHaveBeenCalledWith(
      expect.stringContaining('Failed to send notifications'),
    );
  });
});
