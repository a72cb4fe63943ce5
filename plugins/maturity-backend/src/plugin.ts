import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { maturityPermissions } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { maturitySourcesExtensionPoint } from '@maturity-for-backstage/backstage-plugin-maturity-node';
import { MaturityDatabase } from './database/MaturityDatabase';
import { readEvaluationConfig } from './scoring/readEvaluationConfig';
import { startEvaluation } from './scoring/startEvaluation';
import { SourceRegistry } from './ingest/SourceRegistry';
import { createMaturityService } from './service/createMaturityService';
import { prepareSchedulerTables } from './startup/prepareSchedulerTables';
import { SchedulingAfterStart } from './startup/SchedulingAfterStart';
import { startAfterBackend } from './startup/startAfterBackend';
import { startExemptionWorkflow } from './exemptions/startExemptionWorkflow';
import { startOwnerNotifications } from './notifications/startOwnerNotifications';

/**
 * The Maturity backend plugin: event store, ingest API and scoring.
 *
 * @public
 */
export const maturityPlugin = createBackendPlugin({
  pluginId: 'maturity',
  register(env) {
    const sources = new SourceRegistry();
    env.registerExtensionPoint(
      maturitySourcesExtensionPoint,
      sources.extensionPoint,
    );

    env.registerInit({
      deps: {
        actionsRegistry: actionsRegistryServiceRef,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        // Every backend has it (a default factory); it needs the
        // notifications backend only to deliver, see the README.
        notifications: notificationService,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        rootLifecycle: coreServices.rootLifecycle,
        scheduler: coreServices.scheduler,
      },
      async init(services) {
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

        services.httpRouter.use(
          await createMaturityService({
            ...services,
            db,
            evaluator,
            sourceIds: sources.ids(),
            exemptionWorkflow,
          }),
        );
        startAfterBackend({ ...services, scheduling, sources, db });
      },
    });
  },
});
