import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { maturitySourcesExtensionPoint } from '@maturity-for-backstage/backstage-plugin-maturity-node';
import { SourceRegistry } from './ingest/SourceRegistry';
import { startMaturityBackend } from './startup/startMaturityBackend';

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
        await startMaturityBackend(services, sources);
      },
    });
  },
});
