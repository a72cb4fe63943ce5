import {
  RootLifecycleService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import {
  createOwnerNotifications,
  OwnerNotifications,
} from './createOwnerNotifications';

/**
 * The notifications to owners, set up: their daily expiry notices
 * scheduled, and the level changes held back for the end of a run sent
 * before the backend exits.
 *
 * @internal
 */
export async function startOwnerNotifications(
  options: Parameters<typeof createOwnerNotifications>[0] & {
    scheduler: SchedulerService;
    rootLifecycle: RootLifecycleService;
  },
): Promise<OwnerNotifications> {
  const notifications = createOwnerNotifications(options);
  await notifications.schedule(options.scheduler);
  options.rootLifecycle.addShutdownHook(() => notifications.flush());
  return notifications;
}
