import {
  EvidenceId,
  MAX_EVIDENCE_IDS,
  METRIC_DEFINITIONS,
  MetricId,
  MetricValue,
} from '@internal/plugin-maturity-common';

/** What a metric measured, before its status is decided. */
export interface Measurement {
  sampleSize: number;
  /** The value when the sample is large enough; undefined means none. */
  value: number | undefined;
  evidence: EvidenceId[];
  breakdown?: Record<string, number | null | undefined>;
  /** Breakdown keys kept even when the sample is too small (counts). */
  countKeys?: string[];
}

/**
 * The metric's value with its status: `insufficient-data` (and no value, no
 * derived breakdown) below the minimum sample.
 */
export function metricValue(id: MetricId, measured: Measurement): MetricValue {
  const { unit, minimumSample } = METRIC_DEFINITIONS[id];
  const sufficient =
    measured.sampleSize >= minimumSample && measured.value !== undefined;
  const result: MetricValue = {
    value: sufficient ? measured.value! : null,
    status: sufficient ? 'ok' : 'insufficient-data',
    unit,
    sampleSize: measured.sampleSize,
    minimumSample,
    evidence: measured.evidence.slice(0, MAX_EVIDENCE_IDS),
  };
  if (measured.breakdown) {
    result.breakdown = Object.fromEntries(
      Object.entries(measured.breakdown).map(([key, value]) => [
        key,
        value === undefined ||
        (!sufficient && !measured.countKeys?.includes(key))
          ? null
          : value,
      ]),
    );
  }
  return result;
}

/** A metric that does not apply to the entity: no tool, or nothing to measure. */
export function notApplicable(id: MetricId): MetricValue {
  const { unit, minimumSample } = METRIC_DEFINITIONS[id];
  return {
    value: null,
    status: 'not-applicable',
    unit,
    sampleSize: 0,
    minimumSample,
    evidence: [],
  };
}

/**
 * The share of `total` that are `hits` (a subset), with the hits first in the
 * evidence unless told otherwise.
 */
export function share(
  total: EvidenceId[],
  hits: EvidenceId[],
  evidence?: EvidenceId[],
): Measurement {
  const hit = new Set(hits);
  return {
    sampleSize: total.length,
    value: total.length ? hits.length / total.length : undefined,
    evidence: evidence ?? [...hits, ...total.filter(id => !hit.has(id))],
  };
}
