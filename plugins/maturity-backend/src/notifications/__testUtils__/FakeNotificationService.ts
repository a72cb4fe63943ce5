import {
  NotificationSendOptions,
  NotificationService,
} from '@backstage/plugin-notifications-node';

/** Keeps what was sent; `failWith` makes every send fail like the real one. */
export class FakeNotificationService implements NotificationService {
  readonly sent: NotificationSendOptions[] = [];
  failWith?: Error;

  async send(options: NotificationSendOptions): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.sent.push(options);
  }
}
