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
        scheduler,
      }) {
        const limits = readIngestLimits(config);
        // The sources installed modules write are theirs alone.
        const writers = readSourceWriters(config, sources.ids());
        const evaluation = readEvaluationConfig(config);
        permissionsRegistry.addPermissions(maturityPermissions);

        const db = await MaturityDatabase.create({ database });
        const evaluator = await startEvaluation({
          db,
          evaluation,
          incidentAnnotations: sources.incidentAnnotations(),
          catalog,
          auth,
          logger,
          scheduler,
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

        await sources.connect(id => createEventSink(db, id), logger);
      },
    });
  },
});
