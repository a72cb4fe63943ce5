import {
  AuthService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { Rubric } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import {
  CampaignNotifier,
  noCampaignNotifier,
} from '../campaigns/CampaignNotifier';
import { CampaignStore } from '../database/CampaignStore';
import { ExemptionExpiryNotices } from '../database/ExemptionExpiryNotices';
import {
  ExemptionChangeListener,
  noExemptionChangeListener,
} from '../exemptions/ExemptionChangeListener';
import {
  LevelChangeListener,
  noLevelChangeListener,
} from '../scoring/LevelChangeListener';
import { CoalescedLevelChanges } from './CoalescedLevelChanges';
import { CampaignOwnerNotifier } from './CampaignOwnerNotifier';
import { EntityOwners } from './EntityOwners';
import { ExemptionChangeNotifier } from './ExemptionChangeNotifier';
import { ExpiringExemptionNotices } from './ExpiringExemptionNotices';
import { LevelChangeNotifier } from './LevelChangeNotifier';
import { OwnerNotificationSender } from './OwnerNotificationSender';
import { readNotificationsConfig } from './readNotificationsConfig';
import { RubricTitles } from './RubricTitles';
import { scheduleExpiryNotices } from './scheduleExpiryNotices';

/** The plugin's notifications to owners, ready to be wired in. */
export interface OwnerNotifications {
  /** Told after each saved evaluation batch. */
  levelChanges: LevelChangeListener;
  /** Sends the level changes held back (call at shutdown). */
  flush(): Promise<void>;
  /** Told after each exemption state change. */
  exemptionChanges: ExemptionChangeListener;
  /** Schedules the daily expiry notices (nothing when disabled). */
  schedule(scheduler: SchedulerService): Promise<void>;
  /** Told after each computation of a campaign's today. */
  campaigns: CampaignNotifier;
}

/**
 * Puts the notifications together from `maturity.notifications`. Disabled,
 * the listeners are the silent defaults and no task is scheduled.
 */
export function createOwnerNotifications(options: {
  config: Config;
  notifications: NotificationService;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  rubric: Rubric;
  expiryNotices: ExemptionExpiryNotices;
  /**
   * Where campaign notices are claimed, once across replicas, and released
   * when not delivered.
   */
  campaignNotices: Pick<CampaignStore, 'claimNotice' | 'releaseNotice'>;
}): OwnerNotifications {
  const { enabled, exemptionDeciders } = readNotificationsConfig(
    options.config,
  );
  if (!enabled) {
    return {
      levelChanges: noLevelChangeListener,
      exemptionChanges: noExemptionChangeListener,
      flush: async () => {},
      schedule: async () => {},
      campaigns: noCampaignNotifier,
    };
  }
  const { logger } = options;
  const sender = new OwnerNotificationSender({
    notifications: options.notifications,
    logger,
  });
  const titles = new RubricTitles(options.rubric);
  // Who owns an entity, one rule for every notice (level changes carry the
  // owner their evaluation read with it).
  const owners = new EntityOwners(options);
  const expiring = new ExpiringExemptionNotices({
    notices: options.expiryNotices,
    sender,
    titles,
    owners,
    logger,
  });
  // A run's batches arrive about a second apart: 15 quiet seconds end it
  // (a full run of 10,000 entities takes 15–20 s; one that never goes
  // quiet is sent every 10 minutes).
  const levelChanges = new CoalescedLevelChanges(
    new LevelChangeNotifier({ sender, titles, logger }),
    { quietMs: 15_000, maxWaitMs: 600_000 },
  );
  return {
    levelChanges,
    flush: () => levelChanges.flush(),
    exemptionChanges: new ExemptionChangeNotifier({
      sender,
      titles,
      owners,
      deciders: exemptionDeciders,
      logger,
    }),
    schedule: scheduler => scheduleExpiryNotices(scheduler, expiring),
    campaigns: new CampaignOwnerNotifier({
      store: options.campaignNotices,
      sender,
      titles,
      owners,
      logger,
    }),
  };
}
