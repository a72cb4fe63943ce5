import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { maturitySourcesExtensionPoint } from '@maturity-for-backstage/backstage-plugin-maturity-node';
import { PagerDutyClient } from './api/PagerDutyClient';
import { ServiceEntityIndex } from './catalog/ServiceEntityIndex';
import {
  PAGERDUTY_CONFIG_KEY,
  readPagerDutyConfig,
} from './config/readPagerDutyConfig';
import { PagerDutySource } from './PagerDutySource';

/**
 * The PagerDuty source of the Maturity plugin: incidents of the services
 * named by `pagerduty.com/service-id` annotations, with their related change
 * events as explicit deploy links. Disabled without
 * `maturity.sources.pagerduty`.
 *
 * @public
 */
export const maturityModulePagerDuty = createBackendModule({
  pluginId: 'maturity',
  moduleId: 'pagerduty',
  register(env) {
    env.registerInit({
      deps: {
        sources: maturitySourcesExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        events: eventsServiceRef,
      },
      async init({
        sources,
        config,
        logger,
        scheduler,
        auth,
        catalog,
        events,
      }) {
        const pagerduty = readPagerDutyConfig(config);
        if (!pagerduty) {
          logger.info(
            `PagerDuty source is disabled: no ${PAGERDUTY_CONFIG_KEY} config`,
          );
          return;
        }
        sources.addSource(
          new PagerDutySource({
            client: new PagerDutyClient({
              baseUrl: pagerduty.apiBaseUrl,
              token: pagerduty.token,
            }),
            services: new ServiceEntityIndex({ catalog, auth }),
            scheduler,
            schedule: pagerduty.schedule,
            initialLookbackDays: pagerduty.initialLookbackDays,
            logger,
            events,
          }),
        );
      },
    });
  },
});
