import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { Rubric } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { CampaignStore } from '../database/CampaignStore';
import { RollupStore } from '../database/RollupStore';
import { StoredGroupTree } from '../rollups/StoredGroupTree';
import { BackgroundCampaignRefresher } from './BackgroundCampaignRefresher';
import { CampaignNotifier } from './CampaignNotifier';
import { CampaignProgressUpdater } from './CampaignProgressUpdater';
import { readCampaignsConfig } from './readCampaignsConfig';
import { scheduleCampaignProgress } from './scheduleCampaignProgress';

/**
 * The campaigns' progress, set up: the scheduled task that keeps every
 * campaign's figures up to date and sends its notices, and the refresher
 * the routes ask after a campaign is created or changed (a
 * `CampaignProgressRefresher`).
 *
 * @internal
 */
export async function startCampaignProgress(options: {
  store: CampaignStore;
  config: Config;
  rubric: Rubric;
  /** The stored rollups: their group tree gives a scope's sub-groups. */
  rollups: Pick<RollupStore, 'readSubgroups' | 'rollupsBuilt'>;
  notifier: CampaignNotifier;
  logger: LoggerService;
  scheduler: Pick<SchedulerService, 'scheduleTask'>;
}): Promise<BackgroundCampaignRefresher> {
  const { logger } = options;
  const progress = new CampaignProgressUpdater({
    store: options.store,
    rubric: options.rubric,
    ownerGroups: new StoredGroupTree(options.rollups),
    notifier: options.notifier,
    logger,
  });
  await scheduleCampaignProgress(
    options.scheduler,
    readCampaignsConfig(options.config).schedule,
    progress,
  );
  return new BackgroundCampaignRefresher({ progress, logger });
}
