import {
  AuthService,
  DatabaseService,
  HttpAuthService,
  HttpRouterService,
  LoggerService,
  PermissionsRegistryService,
  PermissionsService,
  RootConfigService,
  RootLifecycleService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { maturityPermissions } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { startCampaignProgress } from '../campaigns/startCampaignProgress';
import { MaturityDatabase } from '../database/MaturityDatabase';
import { startExemptionWorkflow } from '../exemptions/startExemptionWorkflow';
import { SourceRegistry } from '../ingest/SourceRegistry';
import { startOwnerNotifications } from '../notifications/startOwnerNotifications';
import { readEvaluationConfig } from '../scoring/readEvaluationConfig';
import { startEvaluation } from '../scoring/startEvaluation';
import { createMaturityService } from '../service/createMaturityService';
import { prepareSchedulerTables } from './prepareSchedulerTables';
import { SchedulingAfterStart } from './SchedulingAfterStart';
import { startAfterBackend } from './startAfterBackend';

/** The services the Maturity backend plugin depends on. @internal */
export interface MaturityBackendServices {
  actionsRegistry: ActionsRegistryService;
  auth: AuthService;
  catalog: CatalogService;
  config: RootConfigService;
  database: DatabaseService;
  httpAuth: HttpAuthService;
  httpRouter: HttpRouterService;
  logger: LoggerService;
  notifications: NotificationService;
  permissions: PermissionsService;
  permissionsRegistry: PermissionsRegistryService;
  rootLifecycle: RootLifecycleService;
  scheduler: SchedulerService;
}

/**
 * The plugin's composition: its database, the evaluation, notifications to
 * owners, the exemption workflow, the campaigns' progress, the routes and
 * actions, and the work that waits for the whole backend to start.
 *
 * @internal
 */
export async function startMaturityBackend(
  services: MaturityBackendServices,
  sources: SourceRegistry,
): Promise<void> {
  const { config, database, scheduler } = services;
  services.permissionsRegistry.addPermissions(maturityPermissions);

  // Replicas that start together take turns: the migrations and the
  // scheduler's tables in this database are created once.
  const db = await MaturityDatabase.create({
    database,
    whileStarting: () => prepareSchedulerTables(scheduler),
  });
  const scheduling = new SchedulingAfterStart(scheduler);
  const evaluation = readEvaluationConfig(config);
  const notifications = await startOwnerNotifications({
    ...services,
    rubric: evaluation.rubric,
    expiryNotices: db.expiryNotices,
    campaignNotices: db.campaigns,
    scheduler: scheduling,
  });
  const evaluator = await startEvaluation({
    ...services,
    db,
    evaluation,
    incidentAnnotations: sources.incidentAnnotations(),
    scheduler: scheduling,
    levelChanges: notifications.levelChanges,
  });
  const exemptionWorkflow = await startExemptionWorkflow({
    ...services,
    db,
    evaluator,
    listener: notifications.exemptionChanges,
    scheduler: scheduling,
  });
  const campaignRefresher = await startCampaignProgress({
    ...services,
    store: db.campaigns,
    rubric: evaluation.rubric,
    rollups: db.rollups,
    notifier: notifications.campaigns,
    scheduler: scheduling,
  });

  services.httpRouter.use(
    await createMaturityService({
      ...services,
      db,
      evaluator,
      sourceIds: sources.ids(),
      exemptionWorkflow,
      campaignRefresher,
    }),
  );
  startAfterBackend({ ...services, scheduling, sources, db });
}
