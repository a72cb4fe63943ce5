/**
 * The PagerDuty source of the Maturity plugin: a backend module that pulls
 * incidents and their related change events, and an events module that
 * accepts signed PagerDuty Webhooks v3 deliveries.
 *
 * @packageDocumentation
 */

export { maturityModulePagerDuty as default } from './module';
export { maturityModulePagerDuty } from './module';
export { eventsModulePagerDutyWebhook } from './eventsModule';
