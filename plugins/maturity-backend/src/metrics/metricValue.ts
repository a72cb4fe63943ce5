import {
  EvidenceId,
  MAX_EVIDENCE_IDS,
  METRIC_DEFINITIONS,
  MetricId,
  MetricValue,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';

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
 * The evidence ids of the first records, as many as a metric keeps: lists
 * are cut there anyway, so ids past it are never made.
 */
export function evidenceOf<T>(
  records: readonly T[],
  idOf: (record: T) => EvidenceId,
): EvidenceId[] {
  const ids: EvidenceId[] = new Array(
    Math.min(records.length, MAX_EVIDENCE_IDS),
  );
  for (let i = 0; i < ids.length; i++) ids[i] = idOf(records[i]);
  return ids;
}

/** The evidence ids of records held oldest first, newest first. */
export function evidenceOfNewest<T>(
  records: readonly T[],
  idOf: (record: T) => EvidenceId,
): EvidenceId[] {
  const ids: EvidenceId[] = new Array(
    Math.min(records.length, MAX_EVIDENCE_IDS),
  );
  for (let i = 0; i < ids.length; i++) {
    ids[i] = idOf(records[records.length - 1 - i]);
  }
  return ids;
}

/**
 * The share of `total` that are `hits` (a subset of the same records), with
 * the hits first in the evidence unless `evidence` gives another order.
 */
export function share<T>(
  total: readonly T[],
  hits: readonly T[],
  idOf: (record: T) => EvidenceId,
  evidence?: readonly T[],
): Measurement {
  let ordered = evidence ?? hits;
  if (
    !evidence &&
    hits.length < MAX_EVIDENCE_IDS &&
    hits.length < total.length
  ) {
    const hit = new Set(hits);
    const rest = total.filter(record => !hit.has(record));
    ordered = [...hits, ...rest];
  }
  return {
    sampleSize: total.length,
    value: total.length ? hits.length / total.length : undefined,
    evidence: evidenceOf(ordered, idOf),
  };
}
