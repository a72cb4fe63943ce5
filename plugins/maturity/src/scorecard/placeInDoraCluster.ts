import {
  DORA_REFERENCE_REPORTS,
  DoraReferenceCluster,
  DoraReferenceReport,
} from './doraReferenceClusters';

/** The four metrics the DORA reports cluster on. */
export type DoraClusterMetric =
  | 'deploymentFrequency'
  | 'leadTime'
  | 'changeFailureRate'
  | 'recoveryTime';

/**
 * A cluster's published value in this plugin's units: a half-open range
 * `[min, max)` for the survey's answer ranges, or the single value a report
 * gives (2023 and 2024 change failure rates).
 */
type ClusterValue = { min?: number; max?: number } | { value: number };

type ClusterValues = Record<DoraClusterMetric, ClusterValue>;

// Units: deploy-days per week, hours, and a 0..1 ratio, as the metrics.
// "Daily" is every working day (5 deploy-days a week); the metric counts
// days with a deploy, so "multiple deploys per day" reads as daily.
// A month is 30 days, six months 180; once a month is 12/52 deploy-days a
// week, once every six months 2/52.
const DAY = 24;
const WEEK = 7 * DAY;
const MONTH = 30 * DAY;
const HALF_YEAR = 180 * DAY;
const DAILY = 5;
const MONTHLY = 12 / 52;
const HALF_YEARLY = 2 / 52;

/**
 * Each report's clusters (Elite, High, Medium, Low) read as numbers from the
 * wording in {@link DORA_REFERENCE_REPORTS}. Where a cluster says only "less
 * than one day" under an elite "less than one hour", it starts at the elite
 * bound; where two clusters share a range, both match.
 */
const CLUSTER_VALUES: Record<string, Record<string, ClusterValues>> = {
  '2024': {
    Elite: {
      deploymentFrequency: { min: DAILY },
      leadTime: { max: DAY },
      changeFailureRate: { value: 0.05 },
      recoveryTime: { max: 1 },
    },
    High: {
      deploymentFrequency: { min: 1, max: DAILY },
      leadTime: { min: DAY, max: WEEK },
      changeFailureRate: { value: 0.2 },
      recoveryTime: { min: 1, max: DAY },
    },
    Medium: {
      deploymentFrequency: { min: MONTHLY, max: 1 },
      leadTime: { min: WEEK, max: MONTH },
      changeFailureRate: { value: 0.1 },
      recoveryTime: { min: 1, max: DAY },
    },
    Low: {
      deploymentFrequency: { min: HALF_YEARLY, max: MONTHLY },
      leadTime: { min: MONTH, max: HALF_YEAR },
      changeFailureRate: { value: 0.4 },
      recoveryTime: { min: WEEK, max: MONTH },
    },
  },
  '2023': {
    Elite: {
      deploymentFrequency: { min: DAILY },
      leadTime: { max: DAY },
      changeFailureRate: { value: 0.05 },
      recoveryTime: { max: 1 },
    },
    High: {
      deploymentFrequency: { min: 1, max: DAILY },
      leadTime: { min: DAY, max: WEEK },
      changeFailureRate: { value: 0.1 },
      recoveryTime: { min: 1, max: DAY },
    },
    Medium: {
      deploymentFrequency: { min: MONTHLY, max: 1 },
      leadTime: { min: WEEK, max: MONTH },
      changeFailureRate: { value: 0.15 },
      recoveryTime: { min: DAY, max: WEEK },
    },
    Low: {
      deploymentFrequency: { min: MONTHLY, max: 1 },
      leadTime: { min: WEEK, max: MONTH },
      changeFailureRate: { value: 0.64 },
      recoveryTime: { min: MONTH, max: HALF_YEAR },
    },
  },
  '2021': {
    Elite: {
      deploymentFrequency: { min: DAILY },
      leadTime: { max: 1 },
      // 0%–15% and 16%–30%: the half percent between belongs to neither.
      changeFailureRate: { max: 0.155 },
      recoveryTime: { max: 1 },
    },
    High: {
      deploymentFrequency: { min: MONTHLY, max: 1 },
      leadTime: { min: DAY, max: WEEK },
      changeFailureRate: { min: 0.155, max: 0.305 },
      recoveryTime: { min: 1, max: DAY },
    },
    Medium: {
      deploymentFrequency: { min: HALF_YEARLY, max: MONTHLY },
      leadTime: { min: MONTH, max: HALF_YEAR },
      changeFailureRate: { min: 0.155, max: 0.305 },
      recoveryTime: { min: DAY, max: WEEK },
    },
    Low: {
      deploymentFrequency: { max: HALF_YEARLY },
      leadTime: { min: HALF_YEAR },
      changeFailureRate: { min: 0.155, max: 0.305 },
      recoveryTime: { min: HALF_YEAR },
    },
  },
};

/** Where a measured value falls among a report's published clusters. */
export interface DoraClusterPlacement {
  report: DoraReferenceReport;
  /** The clusters it falls in, or the nearest when it falls in none. */
  clusters: DoraReferenceCluster[];
  /**
   * `within`: inside the clusters' published range; `nearest`: closest to
   * the single value the clusters give (2023 and 2024 change failure
   * rates); `outside`: in no cluster's range, `clusters` the nearest.
   */
  fit: 'within' | 'nearest' | 'outside';
}

/** How far a value lies from a cluster's value, 0 inside its range. */
function distance(
  metric: DoraClusterMetric,
  value: number,
  cluster: ClusterValue,
): number {
  // Ratios compare linearly; frequencies and durations by ratio, so that
  // 2 h is as far from 1 h as 48 h from 24 h. The floor keeps 0 finite.
  const scale = (v: number) =>
    metric === 'changeFailureRate'
      ? v
      : Math.log(Math.max(v, metric === 'deploymentFrequency' ? 1 / 52 : 0.01));
  if ('value' in cluster) {
    return Math.abs(scale(value) - scale(cluster.value));
  }
  if (cluster.min !== undefined && value < cluster.min) {
    return scale(cluster.min) - scale(value);
  }
  if (cluster.max !== undefined && value >= cluster.max) {
    return scale(value) - scale(cluster.max);
  }
  return 0;
}

/**
 * Places a measured value (in the metric's unit: deploy-days per week,
 * hours or a 0..1 ratio) among the clusters of a State of DevOps report.
 * Reference only: the reports cluster survey answers, this plugin bands
 * measured values by its rubric.
 */
export function placeInDoraCluster(
  reportId: string,
  metric: DoraClusterMetric,
  value: number,
): DoraClusterPlacement | undefined {
  const report = DORA_REFERENCE_REPORTS.find(r => r.id === reportId);
  const values = CLUSTER_VALUES[reportId];
  if (!report || !values || !Number.isFinite(value)) {
    return undefined;
  }
  const scored = report.clusters.map(cluster => ({
    cluster,
    value: values[cluster.name][metric],
    distance: distance(metric, value, values[cluster.name][metric]),
  }));
  const best = Math.min(...scored.map(s => s.distance));
  const nearest = scored.filter(s => Math.abs(s.distance - best) < 1e-9);
  const pointValues = nearest.every(s => 'value' in s.value);
  let fit: DoraClusterPlacement['fit'];
  if (pointValues) {
    fit = 'nearest';
  } else {
    fit = best === 0 ? 'within' : 'outside';
  }
  return { report, clusters: nearest.map(s => s.cluster), fit };
}

/** `High or Medium`. */
function clusterNames(placement: DoraClusterPlacement): string {
  const names = placement.clusters.map(c => c.name);
  return names.length > 1
    ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`
    : names[0];
}

/**
 * The placement in words: `≈ High cluster (2024)` inside a range or nearest
 * a single published value; `Outside the clusters, nearest Low (2024)`
 * beyond every range.
 */
export function describePlacement(placement: DoraClusterPlacement): string {
  const names = clusterNames(placement);
  const plural = placement.clusters.length > 1 ? 'clusters' : 'cluster';
  if (placement.fit === 'outside') {
    return `Outside the clusters, nearest ${names} (${placement.report.id})`;
  }
  return `≈ ${names} ${plural} (${placement.report.id})`;
}
