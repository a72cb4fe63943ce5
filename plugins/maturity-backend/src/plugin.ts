import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { maturityPermissions } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { maturitySourcesExtensionPoint } from '@maturity-for-backstage/backstage-plugin-maturity-node';
import { MaturityDatabase } from './database/MaturityDatabase';
import { readEvaluationConfig } from './scoring/readEvaluationConfig';
import { startEvaluation } from './scoring/startEvaluation';
import { createEventSink } from './ingest/createEventSink';
import { SourceRegistry } from './ingest/SourceRegistry';
import { readIngestLimits } from './service/IngestLimits';
import { readSourceWriters } from './service/SourceWriters';
import { createRouter } from './service/router';
import { registerMaturityActions } from './service/registerMaturityActions';
import { prepareSchedulerTables } from './startup/prepareSchedulerTables';
import { SchedulingAfterStart } from './startup/SchedulingAfterStart';

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
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        rootLifecycle: coreServices.rootLifecycle,
        scheduler: coreServices.scheduler,
      },
      async init({
        actionsRegistry,
        auth,
        catalog,
        config,
        database,
        httpAuth,
        httpRouter,
        logger,
        permissions,
        permissionsRegistry,
        rootLifecycle,
        scheduler,
      }) {
        const limits = readIngestLimits(config);
        // The sources installed modules write are theirs alone.
        const writers = readSourceWriters(config, sources.ids());
        const evaluation = readEvaluationConfig(config);
        permissionsRegistry.addPermissions(maturityPermissions);

        // Replicas that start together take turns: the migrations and the
        // scheduler's tables in this database are created once.
        const db = await MaturityDatabase.create({
          database,
          whileStarting: () => prepareSchedulerTables(scheduler),
        });
        const scheduling = new SchedulingAfterStart(scheduler);
        const evaluator = await startEvaluation({
          db,
          evaluation,
          incidentAnnotations: sources.incidentAnnotations(),
          catalog,
          auth,
          logger,
          scheduler: scheduling,
        });

        httpRouter.use(
          await createRouter({
            ...db,
            evaluator,
            httpAuth,
            permissions,
            limits,
            writers,
            logger,
          }),
        );
        registerMaturityActions(actionsRegistry, { ...db, permissions });

        // The plugin's scheduled work, its sources' included, starts once
        // the whole backend has: on a replica where any plugin failed to
        // start, none of it runs (docs/architecture.md, "Scale-out").
        rootLifecycle.addStartupHook(
          async () => {
            await scheduling.start();
            await sources.connect(id => createEventSink(db, id), logger);
          },
          { logger },
        );
      },
    });
  },
});
