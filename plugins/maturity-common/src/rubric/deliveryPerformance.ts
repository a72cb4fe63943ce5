import { MetricId, MetricValue } from '../metrics';
import { SourceConnections } from './EvaluationInput';
import { DeliveryPerformance, DoraBand, DoraMetricResult } from '../scorecard';

/**
 * DORA band thresholds (docs/scoring.md; DORA-2024). Units: deploy-days per week,
 * hours, and a 0..1 ratio.
 *
 * Every measurable value gets a band: DORA's "low" is the floor, so values
 * beyond its published bound (a lead time over 180 days, recovery over 30
 * days) are still `low`. Deployment frequency alone goes below it: with a
 * deploy source connected, any count is a measurement, and an entity whose
 * last production deploy is more than 180 days old is `none`.
 * @public
 */
export const DORA_BANDS = {
  deploymentFrequency: {
    /** ≥3 deploy-days a week (on demand). */
    elite: 3,
    /** ≥1 a week. */
    high: 1,
    /** ≥1 a month: 12 months over 52 weeks. */
    medium: 12 / 52,
    /** Days: at least one production deploy in the last 180; else `none`. */
    low: 180,
  },
  /** Hours, strictly below; `low` is the published bound, shown, not enforced. */
  leadTime: { elite: 24, high: 24 * 7, medium: 24 * 30, low: 24 * 180 },
  /** Ratio, at or below. */
  changeFailureRate: { elite: 0.05, high: 0.15, medium: 0.3 },
  /** Hours, strictly below; `low` is the published bound, shown, not enforced. */
  recoveryTime: { elite: 1, high: 24, medium: 24 * 7, low: 24 * 30 },
} as const;

/**
 * Band of a deployment frequency: the median deploy-days per week for the
 * upper bands, and, when given, the median deploy-days per calendar month
 * for "at least once a month" (a weekly median is 0 for anything rarer
 * than every other week). Without it, the weekly median is compared with
 * 12/52. When given, the days from the last production deploy to the
 * window's end decide `none`: more than 180 days.
 * @public
 */
export function deploymentFrequencyBand(
  deployDaysPerWeek: number,
  deployDaysPerMonth?: number | null,
  daysSinceProductionDeploy?: number | null,
): DoraBand {
  const b = DORA_BANDS.deploymentFrequency;
  if (
    typeof daysSinceProductionDeploy === 'number' &&
    daysSinceProductionDeploy > b.low
  ) {
    return 'none';
  }
  if (deployDaysPerWeek >= b.elite) return 'elite';
  if (deployDaysPerWeek >= b.high) return 'high';
  if (typeof deployDaysPerMonth === 'number') {
    return deployDaysPerMonth >= 1 ? 'medium' : 'low';
  }
  if (deployDaysPerWeek >= b.medium) return 'medium';
  return 'low';
}

/** Band of a change lead time in hours. @public */
export function leadTimeBand(hours: number): DoraBand {
  const b = DORA_BANDS.leadTime;
  if (hours < b.elite) return 'elite';
  if (hours < b.high) return 'high';
  if (hours < b.medium) return 'medium';
  return 'low';
}

/** Band of a change failure rate (0..1). @public */
export function changeFailureRateBand(rate: number): DoraBand {
  const b = DORA_BANDS.changeFailureRate;
  if (rate <= b.elite) return 'elite';
  if (rate <= b.high) return 'high';
  if (rate <= b.medium) return 'medium';
  return 'low';
}

/** Band of a failed deployment recovery time in hours. @public */
export function recoveryTimeBand(hours: number): DoraBand {
  const b = DORA_BANDS.recoveryTime;
  if (hours < b.elite) return 'elite';
  if (hours < b.high) return 'high';
  if (hours < b.medium) return 'medium';
  return 'low';
}

const BAND_ORDER: DoraBand[] = ['none', 'low', 'medium', 'high', 'elite'];

function doraMetric(
  metricId: MetricId,
  metric: MetricValue | undefined,
  band?: (value: number) => DoraBand,
): DoraMetricResult {
  if (!metric) {
    return {
      metricId,
      value: null,
      status: 'not-applicable',
      sampleSize: 0,
      band: null,
    };
  }
  const measurable = metric.status === 'ok' && metric.value !== null;
  return {
    metricId,
    value: measurable ? metric.value : null,
    status: metric.status,
    sampleSize: metric.sampleSize,
    band: measurable && band ? band(metric.value as number) : null,
  };
}

/**
 * Bands the four DORA metrics each on its own; `overallBand` is the lowest
 * of them, or null when deployment frequency, lead time or change failure
 * rate lacks a band (recovery time counts once it has one, from at least 3
 * recoveries: too few failures to time is no reason to withhold one).
 * Deployment frequency has no minimum sample, so it lacks a band only
 * without a deploy source. Rework rate is shown unbanded.
 * Without a connected incident source the change failure rate is not
 * applicable: zero incidents would otherwise read as a perfect 0%.
 * @public
 */
export function evaluateDeliveryPerformance(
  metrics: Partial<Record<MetricId, MetricValue>>,
  connections?: SourceConnections,
): DeliveryPerformance {
  const deploymentFrequency = doraMetric(
    'deployment_frequency',
    metrics.deployment_frequency,
    perWeek =>
      deploymentFrequencyBand(
        perWeek,
        metrics.deployment_frequency?.breakdown?.deployDaysPerMonth,
        metrics.deployment_frequency?.breakdown?.daysSinceProductionDeploy,
      ),
  );
  const leadTime = doraMetric('lead_time', metrics.lead_time, leadTimeBand);
  const changeFailureRate =
    connections && !connections.incidents
      ? doraMetric('change_failure_rate', undefined)
      : doraMetric(
          'change_failure_rate',
          metrics.change_failure_rate,
          changeFailureRateBand,
        );
  const recoveryTime = doraMetric(
    'failed_deployment_recovery_time',
    metrics.failed_deployment_recovery_time,
    recoveryTimeBand,
  );
  // Recovery time needs several recovered failures; a service that seldom
  // fails may never have them, which says nothing bad about it. Its band
  // counts when it has one; the other three must all be banded.
  const bands = [deploymentFrequency, leadTime, changeFailureRate].map(
    m => m.band,
  );
  if (recoveryTime.band !== null) bands.push(recoveryTime.band);
  const overallBand = bands.some(b => b === null)
    ? null
    : bands.reduce<DoraBand>(
        (lowest, b) =>
          BAND_ORDER.indexOf(b as DoraBand) < BAND_ORDER.indexOf(lowest)
            ? (b as DoraBand)
            : lowest,
        'elite',
      );
  return {
    deploymentFrequency,
    leadTime,
    changeFailureRate,
    recoveryTime,
    reworkRate: doraMetric('rework_rate', metrics.rework_rate),
    overallBand,
  };
}
