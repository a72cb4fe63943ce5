import { MaturityEventType } from './events';

/**
 * Why a metric has no value.
 * - `insufficient-data`: fewer samples than the minimum; never shown as zero.
 * - `not-applicable`: the tool it needs is not connected, or the entity does
 *   not do the thing measured (a library has no deployments).
 * @public
 */
export type MetricStatus = 'ok' | 'insufficient-data' | 'not-applicable';

/** @public */
export type MetricUnit =
  | 'deploy-days-per-week'
  | 'days-per-week'
  | 'hours'
  | 'minutes'
  | 'ratio'
  | 'count';

/**
 * A reference to a stored event, as the events API returns its `id`
 * (`deployment:123`).
 * @public
 */
export type EvidenceId = string;

/**
 * One metric of one entity over the evaluation window.
 * @public
 */
export interface MetricValue {
  /** Null unless status is `ok`. Ratios are 0..1. */
  value: number | null;
  status: MetricStatus;
  unit: MetricUnit;
  /** How many observations the value is computed from. */
  sampleSize: number;
  /** The minimum sample below which the status is `insufficient-data`. */
  minimumSample: number;
  /** Sub-values, e.g. lead time's coding / review / deploy medians, or p75. */
  breakdown?: Record<string, number | null>;
  /**
   * Ids of events behind the value, the most relevant first, at most
   * MAX_EVIDENCE_IDS; `sampleSize` tells how many there are in all.
   */
  evidence: EvidenceId[];
}

/** Most evidence ids kept per metric; the events API pages the rest. @public */
export const MAX_EVIDENCE_IDS = 50;

/**
 * Everything the metrics engine computes, with its unit, minimum sample and
 * the event types it reads. The rubric's checks refer to these ids.
 * @public
 */
export const METRIC_DEFINITIONS = {
  // DORA
  deployment_frequency: {
    unit: 'deploy-days-per-week',
    // Any count is a measurement once a deploy source is connected: two
    // deploys in a quarter is Low, not missing data.
    minimumSample: 0,
    reads: ['deployment'],
    title: 'Deployment frequency',
    description:
      'Median production deploy-days per calendar week in the window; weeks without a deploy count as zero. No minimum sample: once the entity has a successful production deploy, any count is banded. The breakdown has the median per calendar month (deployDaysPerMonth), which decides the lower bands, and the days from the last production deploy to the window\'s end (daysSinceProductionDeploy): more than 180 is band "none", below Low.',
  },
  lead_time: {
    unit: 'hours',
    minimumSample: 5,
    reads: ['change', 'deployment'],
    title: 'Change lead time',
    description:
      "Median hours from the start of a change to running in production, over changes linked to a production deploy. A change starts at the earliest of its first commit's author time, its pull request's opening and its merge. Each change splits into coding (start to opened), review (opened to merged) and deploy (merged to in production), never negative and adding up to its lead time; a change without a pull request has no review (start to merge is coding). Breakdown: p75 and the median of each segment over the same changes (the three medians need not add up to the median lead time).",
  },
  change_failure_rate: {
    unit: 'ratio',
    minimumSample: 5,
    reads: ['deployment', 'incident'],
    title: 'Change failure rate',
    description:
      'Share of successful production deploys that led to an incident (linked explicitly or within 24 hours) or were rolled back. Needs a connected incident source.',
  },
  failed_deployment_recovery_time: {
    unit: 'hours',
    minimumSample: 3,
    reads: ['deployment', 'incident'],
    title: 'Failed deployment recovery time',
    description:
      "Median hours from a failed production deploy to its remediation: the first successful production deploy that rolls it back, ships a revert of its commit or declares it fixes one of its incidents, or the resolution of the last incident linked to it, whichever comes first. A later unrelated deploy does not end it; a failure not remediated by the window's end is not a sample.",
  },
  mttr: {
    unit: 'hours',
    minimumSample: 3,
    reads: ['incident'],
    title: 'Mean time to restore (median)',
    description:
      'Median hours from trigger to resolution over all incidents resolved in the window.',
  },
  rework_rate: {
    unit: 'ratio',
    minimumSample: 5,
    reads: ['deployment'],
    title: 'Rework rate',
    description:
      'Unplanned production deploys (hotfix, rollback) divided by all production deploys (DORA 2024).',
  },
  // CI
  ci_runs: {
    unit: 'count',
    minimumSample: 0,
    reads: ['build'],
    title: 'CI runs',
    description: 'Pipeline runs in the window.',
  },
  ci_default_branch_success_rate: {
    unit: 'ratio',
    minimumSample: 5,
    reads: ['build'],
    title: 'Default-branch CI success rate',
    description:
      'Successful finished runs on the default branch divided by finished (success or failure) runs there.',
  },
  ci_default_branch_duration: {
    unit: 'minutes',
    minimumSample: 5,
    reads: ['build'],
    title: 'Default-branch pipeline duration',
    description: 'Median minutes of finished default-branch runs.',
  },
  ci_pr_pipeline_duration: {
    unit: 'minutes',
    minimumSample: 5,
    reads: ['build'],
    title: 'PR pipeline duration',
    description: 'Median minutes of finished pull-request runs.',
  },
  ci_time_to_green: {
    unit: 'hours',
    minimumSample: 3,
    reads: ['build'],
    title: 'Time to green',
    description:
      'Median hours from a failed default-branch run to the next successful one.',
  },
  ci_default_branch_commit_build_share: {
    unit: 'ratio',
    minimumSample: 5,
    reads: ['change', 'build'],
    title: 'Default-branch commits built',
    description:
      'Share of changes merged to the default branch whose merge commit has a CI run.',
  },
  // Source control
  pr_review_coverage: {
    unit: 'ratio',
    minimumSample: 5,
    reads: ['change'],
    title: 'PR review coverage',
    description: 'Share of merged pull requests reviewed before merge.',
  },
  pr_open_to_merge: {
    unit: 'hours',
    minimumSample: 5,
    reads: ['change'],
    title: 'PR open to merge',
    description: 'Median hours from a pull request opening to its merge.',
  },
  pr_green_at_merge_share: {
    unit: 'ratio',
    minimumSample: 5,
    reads: ['change', 'build'],
    title: 'PRs green at merge',
    description:
      'Share of merged pull requests whose last CI run before the merge succeeded.',
  },
  pr_test_touch_share: {
    unit: 'ratio',
    minimumSample: 5,
    reads: ['change'],
    title: 'PRs that touch tests',
    description:
      'Share of merged pull requests touching source that also touch tests.',
  },
  pr_issue_link_share: {
    unit: 'ratio',
    minimumSample: 5,
    reads: ['change'],
    title: 'PRs referencing an issue',
    description: 'Share of merged pull requests that reference an issue.',
  },
  direct_pushes: {
    unit: 'count',
    minimumSample: 0,
    reads: ['change'],
    title: 'Direct pushes',
    description: 'Commits pushed straight to the default branch in the window.',
  },
  commit_days_per_week: {
    unit: 'days-per-week',
    minimumSample: 4,
    reads: ['change'],
    title: 'Commit days per week',
    description:
      'Median days per calendar week with at least one change authored or merged; sample is the number of weeks.',
  },
  author_continuity: {
    unit: 'ratio',
    minimumSample: 3,
    reads: ['change'],
    title: 'Author continuity',
    description:
      'Share of the previous window’s change authors who also authored changes in this window.',
  },
  // Deployment practice
  production_deploys: {
    unit: 'count',
    minimumSample: 0,
    reads: ['deployment'],
    title: 'Production deploys',
    description: 'Successful production deploys in the window.',
  },
  non_production_deploys: {
    unit: 'count',
    minimumSample: 0,
    reads: ['deployment'],
    title: 'Non-production deploys',
    description: 'Successful deploys to other environments in the window.',
  },
  deploy_automation_share: {
    unit: 'ratio',
    minimumSample: 5,
    reads: ['deployment'],
    title: 'Automated production deploys',
    description: 'Share of production deploys created by automation.',
  },
  preprod_first_share: {
    unit: 'ratio',
    minimumSample: 5,
    reads: ['deployment'],
    title: 'Deployed to pre-production first',
    description:
      'Share of production deploys whose commit was deployed to another environment earlier.',
  },
  deploy_commit_resolution_share: {
    unit: 'ratio',
    minimumSample: 5,
    reads: ['deployment'],
    title: 'Deploys resolving to a commit',
    description:
      'Share of production deploys that name the commit they deployed.',
  },
  bundled_deploy_share: {
    unit: 'ratio',
    minimumSample: 5,
    reads: ['deployment'],
    title: 'Deploys bundled with other components',
    description:
      'Share of production deploys naming their commit that another component deployed too: the same commit to the same environment, started within an hour.',
  },
  merge_to_production: {
    unit: 'hours',
    minimumSample: 5,
    reads: ['change', 'deployment'],
    title: 'Merge to production',
    description:
      'Median hours from merge to running in production, over linked changes (the deploy segment of lead time).',
  },
  rollbacks: {
    unit: 'count',
    minimumSample: 0,
    reads: ['deployment'],
    title: 'Rollbacks',
    description: 'Production rollback deploys in the window.',
  },
  // Incidents
  incidents_high_urgency: {
    unit: 'count',
    minimumSample: 0,
    reads: ['incident'],
    title: 'High-urgency incidents',
    description: 'High-urgency incidents triggered in the window.',
  },
  incidents_low_urgency: {
    unit: 'count',
    minimumSample: 0,
    reads: ['incident'],
    title: 'Low-urgency incidents',
    description: 'Low-urgency incidents triggered in the window.',
  },
  time_to_acknowledge: {
    unit: 'hours',
    minimumSample: 3,
    reads: ['incident'],
    title: 'Time to acknowledge',
    description: 'Median hours from trigger to acknowledgement.',
  },
  incident_postmortem_share: {
    unit: 'ratio',
    minimumSample: 3,
    reads: ['incident'],
    title: 'Postmortems written',
    description:
      'Share of high-urgency incidents with notes or a postmortem within 14 days.',
  },
  incident_owner_routing_share: {
    unit: 'ratio',
    minimumSample: 3,
    reads: ['incident'],
    title: 'Incidents routed to the owner',
    description: 'Share of incidents whose responder team is the entity owner.',
  },
  incident_change_link_share: {
    unit: 'ratio',
    minimumSample: 3,
    reads: ['incident', 'deployment'],
    title: 'Incidents linked to a change',
    description:
      'Share of incidents linked to a deploy or change (explicitly or by the 24-hour rule).',
  },
} as const satisfies Record<
  string,
  {
    unit: MetricUnit;
    minimumSample: number;
    reads: readonly MaturityEventType[];
    title: string;
    description: string;
  }
>;

/** @public */
export type MetricId = keyof typeof METRIC_DEFINITIONS;

/**
 * How an incident was linked to the deploy that caused it: by an explicit
 * reference (a named deployment, a root-cause SHA, a rollback), by the rule
 * "latest production deploy in the 24 hours before", or not at all.
 * @public
 */
export interface IncidentLink {
  incidentId: EvidenceId;
  deploymentId: EvidenceId | null;
  method: 'explicit' | 'window' | 'none';
}

/**
 * An entity's metrics over one window.
 * @public
 */
export interface EntityMetrics {
  entityRef: string;
  /** Window start (inclusive) and end (exclusive), ISO 8601. */
  from: string;
  to: string;
  metrics: Record<MetricId, MetricValue>;
  /** Each incident of the window and the deploy it was linked to. */
  incidentLinks?: IncidentLink[];
}
