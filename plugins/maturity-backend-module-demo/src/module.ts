import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { maturitySourcesExtensionPoint } from '@maturity-for-backstage/backstage-plugin-maturity-node';
import { DemoSource } from './DemoSource';

/**
 * The demo source of the Maturity plugin: twelve months of deterministic,
 * invented delivery activity for every catalog component, shaped by the
 * owning team's maturity profile, kept current while the backend runs. For
 * trying the plugin without any tool connected; never install it in
 * production. Off unless `maturity.demo.enabled` is true.
 *
 * @public
 */
export const maturityModuleDemo = createBackendModule({
  pluginId: 'maturity',
  moduleId: 'demo',
  register(env) {
    env.registerInit({
      deps: {
        sources: maturitySourcesExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
      },
      async init({ sources, config, logger, scheduler, auth, catalog }) {
        if (!config.getOptionalBoolean('maturity.demo.enabled')) {
          logger.info(
            'Demo activity is disabled: maturity.demo.enabled is not true',
          );
          return;
        }
        logger.info('Demo activity is enabled (maturity.demo.enabled)');
        sources.addSource(new DemoSource({ catalog, auth, logger, scheduler }));
      },
    });
  },
});
