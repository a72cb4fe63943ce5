import { RepoFactValue } from '../../events';
import { METRIC_DEFINITIONS, MetricId, MetricValue } from '../../metrics';
import { Exemption } from '../../wire';
import { EvaluationInput, RubricEntity } from '../EvaluationInput';
import { Rubric, RubricCheck } from '../Rubric';

// Builders for rubric tests: realistic inputs that each test then bends.

/** A metric with data, `sampleSize` observations and one evidence id per 10. */
export function okMetric(
  id: MetricId,
  value: number,
  sampleSize = 40,
): MetricValue {
  const definition = METRIC_DEFINITIONS[id];
  return {
    value,
    status: 'ok',
    unit: definition.unit,
    sampleSize,
    minimumSample: definition.minimumSample,
    evidence: [
      `${definition.reads[0]}:${id}-1`,
      `${definition.reads[0]}:${id}-2`,
    ],
  };
}

export function insufficientMetric(id: MetricId, sampleSize = 2): MetricValue {
  const definition = METRIC_DEFINITIONS[id];
  return {
    value: null,
    status: 'insufficient-data',
    unit: definition.unit,
    sampleSize,
    minimumSample: definition.minimumSample,
    evidence: [`${definition.reads[0]}:${id}-1`],
  };
}

export function notApplicableMetric(id: MetricId): MetricValue {
  const definition = METRIC_DEFINITIONS[id];
  return {
    value: null,
    status: 'not-applicable',
    unit: definition.unit,
    sampleSize: 0,
    minimumSample: definition.minimumSample,
    evidence: [],
  };
}

/** The metrics of a team deploying on demand: every default check passes. */
export function eliteMetrics(): Partial<Record<MetricId, MetricValue>> {
  const values: Record<MetricId, [number, number]> = {
    deployment_frequency: [4.5, 13],
    lead_time: [6.2, 212],
    change_failure_rate: [0.04, 58],
    failed_deployment_recovery_time: [0.6, 3],
    mttr: [0.8, 4],
    rework_rate: [0.03, 58],
    ci_runs: [412, 412],
    ci_default_branch_success_rate: [0.96, 180],
    ci_default_branch_duration: [7.5, 180],
    ci_pr_pipeline_duration: [6.5, 232],
    ci_time_to_green: [0.7, 7],
    ci_default_branch_commit_build_share: [0.99, 212],
    pr_review_coverage: [1, 212],
    pr_open_to_merge: [5.2, 212],
    pr_green_at_merge_share: [0.98, 212],
    pr_test_touch_share: [0.74, 190],
    pr_issue_link_share: [0.91, 212],
    direct_pushes: [0, 0],
    commit_days_per_week: [5, 13],
    author_continuity: [0.8, 10],
    production_deploys: [58, 58],
    non_production_deploys: [121, 121],
    deploy_automation_share: [0.98, 58],
    preprod_first_share: [0.95, 58],
    deploy_commit_resolution_share: [1, 58],
    bundled_deploy_share: [0, 58],
    merge_to_production: [0.6, 212],
    rollbacks: [0, 58],
    incidents_high_urgency: [3, 3],
    incidents_low_urgency: [5, 5],
    time_to_acknowledge: [0.1, 8],
    incident_postmortem_share: [1, 3],
    incident_owner_routing_share: [1, 8],
    incident_change_link_share: [0.67, 3],
  };
  return Object.fromEntries(
    Object.entries(values).map(([id, [value, sample]]) => [
      id,
      okMetric(id as MetricId, value, sample),
    ]),
  );
}

/** Repository facts of a repository with every practice in place. */
export function eliteRepoFacts(): Record<string, RepoFactValue> {
  return {
    codeowners: true,
    lockfile: true,
    dependabot: true,
    'ci-config': true,
    'ci-system': 'github-actions',
    'build-file': true,
    dockerfile: true,
    tests: true,
    'api-spec': true,
    'config-as-code': true,
    iac: true,
    'iac-validated-in-ci': true,
    'feature-flag-sdk': true,
    'telemetry-sdk': true,
    'branch-protection': true,
    'branch-protection-required-checks': true,
    'gitops-manifest': true,
    'stale-branches': 1,
    'artifact-published': true,
    'integration-tests-in-ci': true,
    'coverage-reported': true,
    'e2e-tests-in-ci': true,
    'tests-required-checks': true,
    'e2e-gates-production': true,
    'sast-in-ci': true,
    'performance-tests-in-ci': true,
    'static-analysis-in-ci': true,
    'zero-downtime-strategy': true,
    'progressive-delivery': true,
    dashboard: true,
    'incident-service-mapped': true,
  };
}

export function entity(overrides: Partial<RubricEntity> = {}): RubricEntity {
  return {
    entityRef: 'component:default/checkout-api',
    kind: 'component',
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/payments',
    ownerIsGroup: true,
    system: 'system:default/checkout',
    tags: ['java'],
    annotations: { 'github.com/project-slug': 'acme/checkout-api' },
    providesApis: true,
    catalogCompleteness: 1,
    ...overrides,
  };
}

/**
 * An input for an entity where every default check passes; tests remove or
 * change what they examine.
 */
export function eliteInput(
  overrides: Partial<EvaluationInput> = {},
): EvaluationInput {
  return {
    entity: entity(),
    metrics: eliteMetrics(),
    repoFacts: eliteRepoFacts(),
    connections: { scm: true, ci: true, incidents: true },
    historyDays: 180,
    exemptions: [],
    now: '2026-11-20T06:00:00Z',
    window: { from: '2026-08-22T06:00:00Z', to: '2026-11-20T06:00:00Z' },
    ...overrides,
  };
}

/** A bare entity: nothing connected, no metrics, no facts. */
export function bareInput(
  overrides: Partial<EvaluationInput> = {},
): EvaluationInput {
  return eliteInput({
    entity: entity({
      ownerIsGroup: false,
      owner: 'user:default/jdoe',
      system: undefined,
      lifecycle: undefined,
      providesApis: false,
      tags: [],
      annotations: {},
      catalogCompleteness: 2 / 6,
    }),
    metrics: {},
    repoFacts: {},
    connections: { scm: false, ci: false, incidents: false },
    historyDays: 0,
    ...overrides,
  });
}

export function exemption(
  checkId: string,
  overrides: Partial<Exemption> = {},
): Exemption {
  return {
    id: 'exemption-1',
    entityRef: 'component:default/checkout-api',
    checkId,
    reason: 'Legacy batch job, replaced in Q1',
    status: 'approved',
    author: 'user:default/lead',
    createdAt: '2026-10-01T00:00:00Z',
    expiresAt: '2027-01-01T00:00:00Z',
    ...overrides,
  };
}

/** Every check of a rubric, categories first, then the MLOps track. */
export function rubricChecks(rubric: Rubric): RubricCheck[] {
  return [
    ...rubric.categories.flatMap(c => c.levels.flatMap(l => l.checks)),
    ...rubric.mlops.levels.flatMap(l => l.checks),
  ];
}

export function checkById(rubric: Rubric, id: string): RubricCheck {
  const check = rubricChecks(rubric).find(c => c.id === id);
  if (!check) {
    throw new Error(`no check ${id}`);
  }
  return check;
}
