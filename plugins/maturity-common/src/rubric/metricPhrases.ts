import { METRIC_DEFINITIONS, MetricId } from '../metrics';

// What the number measures, written to follow "<value> ≥ <threshold>" in a
// check message. Metrics without a phrase fall back to their title.
const PHRASES: Partial<Record<MetricId, string>> = {
  deployment_frequency: 'production deploy-days/week (median)',
  lead_time: 'hours from commit to production (median)',
  change_failure_rate: 'of production deploys failed',
  failed_deployment_recovery_time:
    'hours to recover from a failed deploy (median)',
  mttr: 'hours to restore (median)',
  rework_rate: 'of production deploys unplanned',
  ci_runs: 'CI runs',
  ci_default_branch_success_rate: 'of default-branch CI runs succeeded',
  ci_default_branch_duration: 'minutes per default-branch pipeline (median)',
  ci_pr_pipeline_duration: 'minutes per PR pipeline (median)',
  ci_time_to_green: 'hours to green (median)',
  ci_default_branch_commit_build_share: 'of default-branch commits built',
  pr_review_coverage: 'of merged PRs reviewed',
  pr_open_to_merge: 'hours from PR opened to merged (median)',
  pr_green_at_merge_share: 'of merged PRs green at merge',
  pr_test_touch_share: 'of merged PRs touching source also touch tests',
  pr_issue_link_share: 'of merged PRs reference an issue',
  direct_pushes: 'direct pushes to the default branch',
  commit_days_per_week: 'commit days/week (median)',
  author_continuity: 'of the previous window’s authors still contribute',
  production_deploys: 'production deploys',
  non_production_deploys: 'non-production deploys',
  deploy_automation_share: 'of production deploys automated',
  preprod_first_share: 'of production deploys reached pre-production first',
  deploy_commit_resolution_share: 'of production deploys resolve to a commit',
  bundled_deploy_share: 'of production deploys bundled with other components',
  merge_to_production: 'hours from merge to production (median)',
  rollbacks: 'rollbacks',
  incidents_high_urgency: 'high-urgency incidents',
  incidents_low_urgency: 'low-urgency incidents',
  time_to_acknowledge: 'hours to acknowledge (median)',
  incident_postmortem_share:
    'of high-urgency incidents have notes or a postmortem within 14 days',
  incident_owner_routing_share: 'of incidents routed to the owning team',
  incident_change_link_share: 'of incidents linked to a deploy or change',
};

/** The words that follow a metric's value in a check message. */
export function metricPhrase(metric: MetricId): string {
  return PHRASES[metric] ?? METRIC_DEFINITIONS[metric].title;
}
