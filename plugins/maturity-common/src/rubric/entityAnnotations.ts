/**
 * Annotations that link an entity to a dashboard; the common Backstage
 * Grafana, Datadog and New Relic plugins read these, so their presence means
 * someone set a dashboard up for the entity.
 * @public
 */
export const DASHBOARD_ANNOTATIONS = [
  'grafana/dashboard-selector',
  'grafana/overview-dashboard',
  'datadoghq.com/dashboard-url',
  'newrelic.com/dashboard-guid',
];

/**
 * Annotations that map an entity to an on-call service in an incident tool.
 * @public
 */
export const INCIDENT_SERVICE_ANNOTATIONS = [
  'pagerduty.com/service-id',
  'pagerduty.com/integration-key',
  'opsgenie.com/component-selector',
];
