import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { eventsExtensionPoint } from '@backstage/plugin-events-node/alpha';
import { readPagerDutyConfig } from './config/readPagerDutyConfig';
import { PAGERDUTY_EVENTS_TOPIC } from './PagerDutySource';
import { createPagerDutySignatureValidator } from './webhooks/createPagerDutySignatureValidator';

/**
 * Accepts PagerDuty Webhooks v3 deliveries at
 * `/api/events/http/pagerduty` (events backend plugin), refusing any whose
 * `X-PagerDuty-Signature` does not match one of
 * `maturity.sources.pagerduty.webhookSecrets`.
 *
 * @public
 */
export const eventsModulePagerDutyWebhook = createBackendModule({
  pluginId: 'events',
  moduleId: 'maturity-pagerduty-webhook',
  register(env) {
    env.registerInit({
      deps: {
        events: eventsExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ events, config, logger }) {
        const pagerduty = readPagerDutyConfig(config);
        if (!pagerduty || pagerduty.webhookSecrets.length === 0) {
          logger.info(
            'PagerDuty webhooks are disabled: no maturity.sources.pagerduty.webhookSecrets',
          );
          return;
        }
        events.addHttpPostIngress({
          topic: PAGERDUTY_EVENTS_TOPIC,
          validator: createPagerDutySignatureValidator(
            pagerduty.webhookSecrets,
          ),
        });
      },
    });
  },
});
