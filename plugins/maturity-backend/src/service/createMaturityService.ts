import {
  HttpAuthService,
  LoggerService,
  PermissionsService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import express from 'express';
import { MaturityDatabase } from '../database/MaturityDatabase';
import { EntityEvaluator } from '../scoring/EntityEvaluator';
import { ExemptionWorkflow } from '../exemptions/ExemptionWorkflow';
import { readIngestLimits } from './IngestLimits';
import { registerMaturityActions } from './registerMaturityActions';
import { registerRubricPreviewAction } from './registerRubricPreviewAction';
import { registerCampaignActions } from './registerCampaignActions';
import { createRouter } from './router';
import { readSourceWriters } from './SourceWriters';
import { CampaignProgressRefresher } from '../campaigns/CampaignProgressRefresher';
import { readCampaignsConfig } from '../campaigns/readCampaignsConfig';

/**
 * The plugin's API, as routes and as actions for agents: both read the same
 * stores and authorize through the same permissions. Returns the router for
 * the plugin to mount.
 *
 * @internal
 */
export async function createMaturityService(options: {
  config: RootConfigService;
  db: MaturityDatabase;
  evaluator: EntityEvaluator;
  /** The ids of the installed source modules: the sources theirs alone to write. */
  sourceIds: string[];
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  actionsRegistry: ActionsRegistryService;
  logger: LoggerService;
  /** The exemption workflow routes and actions share. */
  exemptionWorkflow: ExemptionWorkflow;
  /** Told of each campaign change; absent, figures follow the schedule. */
  campaignRefresher?: CampaignProgressRefresher;
}): Promise<express.Router> {
  const { config, db, permissions, exemptionWorkflow } = options;
  const router = await createRouter({
    ...db,
    exemptionWorkflow,
    evaluator: options.evaluator,
    httpAuth: options.httpAuth,
    permissions,
    limits: readIngestLimits(config),
    writers: readSourceWriters(config, options.sourceIds),
    logger: options.logger,
    campaignRefresher: options.campaignRefresher,
    campaignReminderDaysBefore: readCampaignsConfig(config).reminderDaysBefore,
  });
  registerMaturityActions(options.actionsRegistry, {
    ...db,
    permissions,
    exemptionWorkflow,
  });
  registerRubricPreviewAction(options.actionsRegistry, {
    rubricPreview: db.rubricPreview,
    evaluator: options.evaluator,
    permissions,
  });
  registerCampaignActions(options.actionsRegistry, {
    campaigns: db.campaigns,
    rollups: db.rollups,
    evaluator: options.evaluator,
    permissions,
  });
  return router;
}
