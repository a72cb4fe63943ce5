import {
  EntityMetrics,
  METRIC_DEFINITIONS,
  MetricId,
  MetricValue,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';

/**
 * A metric value as stored: its unit and minimum sample left out when they
 * are the metric's definition (they were about a sixth of every metrics
 * document).
 */
type StoredMetricValue = Omit<MetricValue, 'unit' | 'minimumSample'> &
  Partial<Pick<MetricValue, 'unit' | 'minimumSample'>>;

/** An entity's metrics as stored. */
export type StoredEntityMetrics = Omit<EntityMetrics, 'metrics'> & {
  metrics: Record<string, StoredMetricValue | MetricValue>;
};

const definitionOf = (id: string) =>
  (METRIC_DEFINITIONS as Record<string, (typeof METRIC_DEFINITIONS)[MetricId]>)[
    id
  ];

/** The document stored for an entity's metrics. */
export function toStoredMetrics(metrics: EntityMetrics): StoredEntityMetrics {
  const stored: Record<string, StoredMetricValue> = {};
  for (const [id, value] of Object.entries(metrics.metrics)) {
    const { unit, minimumSample, ...rest } = value;
    const entry: StoredMetricValue = rest;
    const definition = definitionOf(id);
    if (unit !== definition?.unit) entry.unit = unit;
    if (minimumSample !== definition?.minimumSample) {
      entry.minimumSample = minimumSample;
    }
    stored[id] = entry;
  }
  return { ...metrics, metrics: stored };
}

/** An entity's metrics from their stored document, of any age. */
export function fromStoredMetrics(stored: StoredEntityMetrics): EntityMetrics {
  const metrics = {} as EntityMetrics['metrics'];
  for (const [id, value] of Object.entries(stored.metrics)) {
    const definition = definitionOf(id);
    const { value: measured, status, sampleSize, evidence, ...rest } = value;
    // In the order the metrics engine writes them.
    metrics[id as MetricId] = {
      value: measured,
      status,
      unit: value.unit ?? definition?.unit,
      sampleSize,
      minimumSample: value.minimumSample ?? definition?.minimumSample ?? 0,
      evidence,
      ...rest,
    } as MetricValue;
  }
  return { ...stored, metrics };
}
