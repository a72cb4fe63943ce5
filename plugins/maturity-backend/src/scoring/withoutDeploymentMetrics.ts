import {
  EntityMetrics,
  METRIC_DEFINITIONS,
  MetricId,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';

const DEPLOYMENT_METRICS = (
  Object.entries(METRIC_DEFINITIONS) as Array<
    [MetricId, (typeof METRIC_DEFINITIONS)[MetricId]]
  >
)
  .filter(([, definition]) =>
    (definition.reads as readonly string[]).includes('deployment'),
  )
  .map(([id]) => id);

/**
 * Marks every metric that reads deployments not applicable, for entity types
 * that are never deployed (a library is published, not run): "no production
 * deploys" is then no failing, just not their concern.
 */
export function withoutDeploymentMetrics(
  metrics: EntityMetrics['metrics'],
): EntityMetrics['metrics'] {
  const result = { ...metrics };
  for (const id of DEPLOYMENT_METRICS) {
    const current = metrics[id];
    if (!current) continue;
    result[id] = {
      ...current,
      value: null,
      status: 'not-applicable',
      sampleSize: 0,
      evidence: [],
    };
  }
  return result;
}
