import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationPayload } from '@backstage/plugin-notifications-common';
import { NotificationService } from '@backstage/plugin-notifications-node';

/** One notification to some entities (groups, users, or an entity's owner). */
export interface OwnerNotification {
  /** Entity refs the notifications backend resolves to users. */
  to: string[];
  /** Left out of the resolved users, e.g. whoever caused the change. */
  notTo?: string[];
  payload: NotificationPayload;
}

/**
 * Hands notifications to Backstage's notification service, and never lets
 * one break what sent it. The service posts to the notifications backend;
 * where that backend is not installed the post fails (404, or no host), which
 * is an adopter's choice, not an error: logged at debug and dropped.
 */
export class OwnerNotificationSender {
  constructor(
    private readonly options: {
      notifications: NotificationService;
      logger: LoggerService;
    },
  ) {}

  /** Sends each notification; returns whether all of them were delivered. */
  async send(notifications: OwnerNotification[]): Promise<boolean> {
    let delivered = true;
    for (const { to, notTo, payload } of notifications) {
      if (to.length === 0) continue;
      try {
        await this.options.notifications.send({
          recipients: {
            type: 'entity',
            entityRef: to,
            ...(notTo?.length ? { excludeEntityRef: notTo } : {}),
          },
          payload,
        });
      } catch (error) {
        delivered = false;
        this.options.logger.debug(
          `Maturity notification '${payload.title}' not sent (is the notifications backend installed?): ${error}`,
        );
      }
    }
    return delivered;
  }
}
