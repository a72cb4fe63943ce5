import { MetricId } from '../metrics';
import { CategoryId, MaturityLevel, ThresholdSource } from '../scorecard';
import { CheckRule, ComparisonOperator } from './CheckRule';
import { Rubric, RubricCategory, RubricCheck, RubricLevel } from './Rubric';
import { withRubricVersion } from './rubricVersion';
import {
  DASHBOARD_ANNOTATIONS,
  INCIDENT_SERVICE_ANNOTATIONS,
} from './entityAnnotations';

/**
 * The edition of the default rubric (docs/scoring.md); the version adds a hash of
 * the content.
 * @public
 */
export const DEFAULT_RUBRIC_EDITION = '2026.11';

const metric = (
  id: MetricId,
  op: ComparisonOperator,
  threshold: number,
): CheckRule => ({ kind: 'metric', metric: id, op, threshold });
const fact = (name: string): CheckRule => ({ kind: 'fact', fact: name });
const allOf = (...rules: CheckRule[]): CheckRule => ({ kind: 'all', rules });
const anyOf = (...rules: CheckRule[]): CheckRule => ({ kind: 'any', rules });

interface CheckSpec {
  slug: string;
  title: string;
  source: ThresholdSource;
  howToFix: string;
  rule: CheckRule;
}

/** A level's checks: the required check first, then the scored ones. */
function level(
  category: CategoryId | 'mlops',
  levelNumber: MaturityLevel,
  required: CheckSpec,
  ...scored: CheckSpec[]
): RubricLevel {
  const toCheck = (spec: CheckSpec, isRequired: boolean): RubricCheck => ({
    id: `${category}.${levelNumber}.${spec.slug}`,
    title: spec.title,
    category,
    level: levelNumber,
    required: isRequired,
    source: spec.source,
    howToFix: spec.howToFix,
    enabled: true,
    rule: spec.rule,
  });
  return {
    level: levelNumber,
    checks: [toCheck(required, true), ...scored.map(s => toCheck(s, false))],
  };
}

const dashboardSignal = anyOf(fact('dashboard'), {
  kind: 'annotation',
  anyOf: DASHBOARD_ANNOTATIONS,
});

const culture: RubricCategory = {
  id: 'culture',
  title: 'Culture & Organization',
  levels: [
    level(
      'culture',
      1,
      {
        slug: 'owner-is-group',
        title: 'Owned by a Group',
        source: 'CDMM',
        howToFix:
          'Set spec.owner to the Group that runs the service instead of a single user.',
        rule: { kind: 'entity', property: 'ownerIsGroup' },
      },
      {
        slug: 'frequent-commits',
        title: 'Commits on at least 3 days a week (median)',
        source: 'DORA-2024',
        howToFix:
          'Integrate small changes into the default branch several times a week instead of batching them.',
        rule: metric('commit_days_per_week', '>=', 3),
      },
    ),
    level(
      'culture',
      2,
      {
        slug: 'prs-touch-tests',
        title: 'At least 50% of merged PRs touching source also touch tests',
        source: 'heuristic',
        howToFix:
          'Ask for a test change with every source change in review, e.g. with a PR template checkbox.',
        rule: metric('pr_test_touch_share', '>=', 0.5),
      },
      {
        slug: 'author-continuity',
        title: 'At least 60% of the previous window’s authors still contribute',
        source: 'heuristic',
        howToFix:
          'Spread knowledge of the code across the team through pairing and shared reviews.',
        rule: metric('author_continuity', '>=', 0.6),
      },
    ),
    level(
      'culture',
      3,
      {
        slug: 'protected-default-branch',
        title:
          'No direct pushes to the default branch; branch protection requires a PR and checks',
        source: 'CDMM',
        howToFix:
          'Enable branch protection on the default branch requiring pull requests and passing status checks.',
        rule: allOf(
          metric('direct_pushes', '==', 0),
          fact('branch-protection'),
          fact('branch-protection-required-checks'),
        ),
      },
      {
        slug: 'codeowners',
        title: 'CODEOWNERS present',
        source: 'heuristic',
        howToFix:
          'Add a CODEOWNERS file naming the owning team for the repository.',
        rule: fact('codeowners'),
      },
      {
        slug: 'incident-service-mapped',
        title: 'Mapped to an incident service',
        source: 'heuristic',
        howToFix:
          'Add the pagerduty.com/service-id or opsgenie.com/component-selector annotation to the entity.',
        rule: anyOf(fact('incident-service-mapped'), {
          kind: 'annotation',
          anyOf: INCIDENT_SERVICE_ANNOTATIONS,
        }),
      },
    ),
    level(
      'culture',
      4,
      {
        slug: 'incidents-routed-to-owner',
        title: 'At least 90% of incidents routed to the owning team',
        source: 'heuristic',
        howToFix:
          'Point the incident service’s escalation policy at the on-call schedule of the owning Group.',
        rule: metric('incident_owner_routing_share', '>=', 0.9),
      },
      {
        slug: 'feature-flags',
        title: 'Feature-flag SDK present',
        source: 'CDMM',
        howToFix:
          'Adopt a feature-flag SDK so unfinished work can ship dark and be switched off without a deploy.',
        rule: fact('feature-flag-sdk'),
      },
      {
        slug: 'incident-postmortems',
        title:
          'At least 80% of high-urgency incidents have notes or a postmortem within 14 days',
        source: 'heuristic',
        howToFix:
          'Write notes or a blameless postmortem for every high-urgency incident within two weeks.',
        rule: metric('incident_postmortem_share', '>=', 0.8),
      },
    ),
    level(
      'culture',
      5,
      {
        slug: 'no-rollbacks',
        title: 'No rollbacks in the window (roll forward)',
        source: 'CDMM',
        howToFix:
          'Fix forward with small changes behind feature flags instead of rolling production back.',
        rule: metric('rollbacks', '==', 0),
      },
      {
        slug: 'one-team-owns-all',
        title:
          'One group owns code, pipeline and on-call (approximated: owner is a Group, CODEOWNERS present, at least 90% of incidents routed to the owner)',
        source: 'heuristic',
        howToFix:
          'Have the owning Group hold the CODEOWNERS entry, the pipeline and the on-call rotation for the service.',
        rule: allOf(
          { kind: 'entity', property: 'ownerIsGroup' },
          fact('codeowners'),
          metric('incident_owner_routing_share', '>=', 0.9),
        ),
      },
    ),
  ],
};

const design: RubricCategory = {
  id: 'design',
  title: 'Design & Architecture',
  levels: [
    level('design', 1, {
      slug: 'type-and-lifecycle',
      title: 'Entity has a type and a lifecycle',
      source: 'CDMM',
      howToFix: 'Set spec.type and spec.lifecycle in catalog-info.yaml.',
      rule: { kind: 'entity', property: 'hasTypeAndLifecycle' },
    }),
    level(
      'design',
      2,
      {
        slug: 'managed-dependencies',
        title: 'Lockfile and Dependabot or Renovate configured',
        source: 'heuristic',
        howToFix:
          'Commit the package manager’s lockfile and add a Dependabot or Renovate configuration.',
        rule: { kind: 'facts-all', facts: ['lockfile', 'dependabot'] },
      },
      {
        slug: 'api-described',
        title: 'API spec in the repository or APIs provided in the catalog',
        source: 'CDMM',
        howToFix:
          'Add an OpenAPI/AsyncAPI/gRPC spec and register it as an API the entity provides.',
        rule: anyOf(fact('api-spec'), {
          kind: 'entity',
          property: 'providesApis',
        }),
      },
    ),
    level(
      'design',
      3,
      {
        slug: 'short-lived-prs',
        title: 'Pull requests merged within 1 day (median)',
        source: 'DORA-2024',
        howToFix:
          'Keep pull requests small and review them the same day so they merge within 24 hours.',
        rule: metric('pr_open_to_merge', '<=', 24),
      },
      {
        slug: 'few-stale-branches',
        title: 'At most 3 branches without a commit for 14 days',
        source: 'heuristic',
        howToFix:
          'Merge or delete branches that have had no commit for two weeks.',
        rule: { kind: 'fact', fact: 'stale-branches', op: '<=', expect: 3 },
      },
      {
        slug: 'config-as-code',
        title: 'Configuration kept as code',
        source: 'CDMM',
        howToFix:
          'Keep environment configuration in version control next to the code instead of in consoles.',
        rule: fact('config-as-code'),
      },
    ),
    level(
      'design',
      4,
      {
        slug: 'observable',
        title: 'Telemetry SDK or a dashboard',
        source: 'DORA-2024',
        howToFix:
          'Instrument the service with a telemetry SDK such as OpenTelemetry, or annotate the entity with its dashboard.',
        rule: anyOf(fact('telemetry-sdk'), dashboardSignal),
      },
      {
        slug: 'independent-deploys',
        title:
          'At most 20% of production deploys bundled with other components (another component deployed the same commit within an hour)',
        source: 'CDMM',
        howToFix:
          'Deploy the component on its own pipeline, decoupled from the release of other components.',
        rule: metric('bundled_deploy_share', '<=', 0.2),
      },
    ),
    level(
      'design',
      5,
      {
        slug: 'infrastructure-as-code',
        title: 'Infrastructure as code, validated or planned in CI',
        source: 'CDMM',
        howToFix:
          'Describe the infrastructure in Terraform, Pulumi or similar and run validate/plan in CI on every change.',
        rule: { kind: 'facts-all', facts: ['iac', 'iac-validated-in-ci'] },
      },
      {
        slug: 'gitops',
        title: 'GitOps reconciler manifest',
        source: 'heuristic',
        howToFix:
          'Let a reconciler such as Argo CD or Flux apply the deployment manifests from the repository.',
        rule: fact('gitops-manifest'),
      },
    ),
  ],
};

const buildDeploy: RubricCategory = {
  id: 'build-deploy',
  title: 'Build & Deploy',
  levels: [
    level(
      'build-deploy',
      1,
      {
        slug: 'ci-runs',
        title: 'CI configured and at least one run in the window',
        source: 'CDMM',
        howToFix:
          'Add a CI pipeline configuration that runs on every push to the repository.',
        rule: allOf(fact('ci-config'), metric('ci_runs', '>=', 1)),
      },
      {
        slug: 'build-file',
        title: 'Build file present',
        source: 'CDMM',
        howToFix:
          'Script the build in a build file (package.json, pom.xml, Makefile, ...) so it runs the same everywhere.',
        rule: fact('build-file'),
      },
    ),
    level(
      'build-deploy',
      2,
      {
        slug: 'commits-built',
        title: 'At least 80% of default-branch commits built',
        source: 'CDMM',
        howToFix:
          'Trigger the pipeline on every push and merge to the default branch.',
        rule: metric('ci_default_branch_commit_build_share', '>=', 0.8),
      },
      {
        slug: 'artifact-published',
        title: 'Artefact or image published',
        source: 'CDMM',
        howToFix:
          'Publish a versioned artefact or container image from CI instead of building on the target.',
        rule: fact('artifact-published'),
      },
      {
        slug: 'deployment-recorded',
        title: 'At least one deployment recorded',
        source: 'heuristic',
        howToFix:
          'Report deployments to Maturity from your deploy tool (GitHub deployments, Argo CD, or the ingest API).',
        rule: anyOf(
          metric('production_deploys', '>=', 1),
          metric('non_production_deploys', '>=', 1),
        ),
      },
    ),
    level(
      'build-deploy',
      3,
      {
        slug: 'automated-prod-deploys',
        title: 'At least 80% of production deploys automated',
        source: 'CDMM',
        howToFix: 'Deploy to production from the pipeline rather than by hand.',
        rule: metric('deploy_automation_share', '>=', 0.8),
      },
      {
        slug: 'green-at-merge',
        title: 'At least 95% of merged PRs green at merge',
        source: 'heuristic',
        howToFix:
          'Require passing checks before merge so the default branch stays releasable.',
        rule: metric('pr_green_at_merge_share', '>=', 0.95),
      },
      {
        slug: 'preprod-first',
        title:
          'At least 80% of production commits deployed to pre-production first',
        source: 'CDMM',
        howToFix:
          'Promote the same build through a staging environment before production.',
        rule: metric('preprod_first_share', '>=', 0.8),
      },
    ),
    level(
      'build-deploy',
      4,
      {
        slug: 'ci-success-rate',
        title: 'Default-branch CI succeeds at least 90% of the time',
        source: 'DevLake',
        howToFix:
          'Fix flaky tests and broken builds on the default branch first, before new work.',
        rule: metric('ci_default_branch_success_rate', '>=', 0.9),
      },
      {
        slug: 'fast-pr-pipeline',
        title: 'PR pipeline takes at most 10 minutes (median)',
        source: 'DORA-2024',
        howToFix:
          'Cache dependencies and parallelise tests so the PR pipeline finishes within 10 minutes.',
        rule: metric('ci_pr_pipeline_duration', '<=', 10),
      },
      {
        slug: 'zero-downtime',
        title: 'Zero-downtime deploy strategy configured',
        source: 'CDMM',
        howToFix:
          'Configure rolling, blue-green or canary deploys with readiness checks.',
        rule: fact('zero-downtime-strategy'),
      },
    ),
    level(
      'build-deploy',
      5,
      {
        slug: 'no-manual-gate',
        title:
          'At least 90% of changes reach production without a manual gate (approximated: at least 90% of production deploys automated)',
        source: 'CDMM',
        howToFix:
          'Replace manual approvals before production with automated checks so merged changes deploy on their own.',
        rule: metric('deploy_automation_share', '>=', 0.9),
      },
      {
        slug: 'fast-merge-to-prod',
        title: 'Merged changes in production within 1 hour (median)',
        source: 'DORA-2024',
        howToFix:
          'Deploy every merge to production automatically and keep the deploy pipeline under an hour.',
        rule: metric('merge_to_production', '<=', 1),
      },
    ),
  ],
};

const test: RubricCategory = {
  id: 'test',
  title: 'Test & Verification',
  levels: [
    level(
      'test',
      1,
      {
        slug: 'tests-in-ci',
        title:
          'Test files present and a CI pipeline configured to run them (the test step itself is not yet reported)',
        source: 'CDMM',
        howToFix:
          'Add automated tests to the repository and run them in the CI pipeline.',
        rule: { kind: 'facts-all', facts: ['tests', 'ci-config'] },
      },
      {
        slug: 'non-prod-deploys',
        title: 'A non-production environment receives deploys',
        source: 'CDMM',
        howToFix:
          'Deploy to a test or staging environment before production and report those deploys.',
        rule: metric('non_production_deploys', '>=', 1),
      },
    ),
    level(
      'test',
      2,
      {
        slug: 'integration-tests',
        title: 'Integration tests run in CI',
        source: 'CDMM',
        howToFix:
          'Run integration tests against real dependencies (containers, test databases) in CI.',
        rule: fact('integration-tests-in-ci'),
      },
      {
        slug: 'coverage-reported',
        title: 'Test coverage reported',
        source: 'heuristic',
        howToFix: 'Publish a coverage report from the CI test step.',
        rule: fact('coverage-reported'),
      },
    ),
    level(
      'test',
      3,
      {
        slug: 'e2e-tests',
        title: 'End-to-end or acceptance suite runs in CI',
        source: 'CDMM',
        howToFix:
          'Add an end-to-end or acceptance test suite and run it in the pipeline.',
        rule: fact('e2e-tests-in-ci'),
      },
      {
        slug: 'tests-required',
        title: 'Tests are required checks before merge',
        source: 'heuristic',
        howToFix:
          'Mark the test jobs as required status checks in branch protection.',
        rule: fact('tests-required-checks'),
      },
    ),
    level(
      'test',
      4,
      {
        slug: 'e2e-gates-production',
        title: 'End-to-end tests gate the production deploy',
        source: 'CDMM',
        howToFix:
          'Make the production deploy job depend on a passing end-to-end run.',
        rule: fact('e2e-gates-production'),
      },
      {
        slug: 'security-scanning',
        title: 'SAST or SCA runs in CI',
        source: 'DORA-2024',
        howToFix:
          'Add static application security testing or dependency scanning to the pipeline.',
        rule: fact('sast-in-ci'),
      },
      {
        slug: 'performance-tests',
        title: 'Performance tests run in CI',
        source: 'CDMM',
        howToFix: 'Run a load or performance test suite in the pipeline.',
        rule: fact('performance-tests-in-ci'),
      },
    ),
    level('test', 5, {
      slug: 'progressive-delivery',
      title: 'Progressive delivery with automated analysis (canary / A-B)',
      source: 'CDMM',
      howToFix:
        'Roll out with a canary or A-B controller (Argo Rollouts, Flagger) that promotes or aborts on metrics.',
      rule: fact('progressive-delivery'),
    }),
  ],
};

const information: RubricCategory = {
  id: 'information',
  title: 'Information & Reporting',
  levels: [
    level('information', 1, {
      slug: 'scm-and-ci-connected',
      title: 'Source control and CI connected',
      source: 'CDMM',
      howToFix:
        'Add the source control annotation (e.g. github.com/project-slug) and connect the CI system to Maturity.',
      rule: { kind: 'connection', connections: ['scm', 'ci'] },
    }),
    level(
      'information',
      2,
      {
        slug: 'dora-computable',
        title:
          'DORA metrics computable (at least 5 production deploys, and lead time from at least 5 changes linked to them by commit)',
        source: 'FourKeys',
        howToFix:
          'Report every production deploy with the commit SHA it deployed.',
        // Deployment frequency has no minimum sample (any count is banded),
        // so the 5 production deploys are counted by the share of deploys
        // resolving to a commit, whose minimum sample is 5 deploys.
        rule: {
          kind: 'metrics-computable',
          metrics: ['deploy_commit_resolution_share', 'lead_time'],
        },
      },
      {
        slug: 'static-analysis',
        title: 'Static analysis runs in CI',
        source: 'CDMM',
        howToFix: 'Run a linter or static analysis tool in the pipeline.',
        rule: fact('static-analysis-in-ci'),
      },
    ),
    level(
      'information',
      3,
      {
        slug: 'deploys-traceable',
        title: 'At least 90% of production deploys resolve to a commit',
        source: 'DevLake',
        howToFix: 'Include the deployed commit SHA in every deploy event.',
        rule: metric('deploy_commit_resolution_share', '>=', 0.9),
      },
      {
        slug: 'prs-reference-issues',
        title: 'At least 80% of merged PRs reference an issue',
        source: 'DevLake',
        howToFix:
          'Reference the issue key or URL in every pull request title or description.',
        rule: metric('pr_issue_link_share', '>=', 0.8),
      },
      {
        slug: 'catalog-complete',
        title: 'Catalog entry at least 80% complete',
        source: 'heuristic',
        howToFix:
          'Fill in description, owner, system, lifecycle, type and tags in catalog-info.yaml.',
        rule: { kind: 'catalog-completeness', min: 0.8 },
      },
    ),
    level(
      'information',
      4,
      {
        slug: 'scorecard-history',
        title: 'At least 90 days of scorecard history',
        source: 'heuristic',
        howToFix:
          'Keep the entity in the catalog and connected; history accrues one snapshot a day.',
        rule: { kind: 'history-days', min: 90 },
      },
      {
        slug: 'dashboard',
        title: 'Dashboard linked',
        source: 'CDMM',
        howToFix:
          'Annotate the entity with its Grafana, Datadog or New Relic dashboard.',
        rule: dashboardSignal,
      },
    ),
    level('information', 5, {
      slug: 'incidents-linked-to-changes',
      title: 'At least 50% of incidents linked to a deploy or change',
      source: 'DORA-2024',
      howToFix:
        'Send change events to the incident tool or name the root-cause commit in incident notes.',
      rule: metric('incident_change_link_share', '>=', 0.5),
    }),
  ],
};

const mlopsLevels: RubricLevel[] = [
  level(
    'mlops',
    1,
    {
      slug: 'pipeline-definition',
      title:
        'ML pipeline defined (Kubeflow, TFX, Vertex, Airflow, SageMaker, MLproject, dvc.yaml, ZenML, Metaflow)',
      source: 'MLOps',
      howToFix:
        'Define training as a pipeline in an orchestrator instead of notebooks run by hand.',
      rule: fact('ml-pipeline-definition'),
    },
    {
      slug: 'training-runs',
      title:
        'Training pipeline runs in the window (approximated: at least one pipeline run recorded)',
      source: 'MLOps',
      howToFix: 'Run the training pipeline on a schedule or on new data.',
      rule: metric('ci_runs', '>=', 1),
    },
    {
      slug: 'data-and-model-validation',
      title: 'Data and model validation libraries used',
      source: 'MLOps',
      howToFix:
        'Validate input data (e.g. Great Expectations, TFDV) and trained models before promotion.',
      rule: {
        kind: 'facts-all',
        facts: ['data-validation', 'model-validation'],
      },
    },
    {
      slug: 'experiment-tracking',
      title: 'Experiment and metadata tracking',
      source: 'MLOps',
      howToFix:
        'Track experiments, parameters and artefacts with MLflow, Weights & Biases or similar.',
      rule: fact('experiment-tracking'),
    },
  ),
  level(
    'mlops',
    2,
    {
      slug: 'pipeline-multi-env',
      title: 'Pipeline deployed by CI to at least 2 environments',
      source: 'MLOps',
      howToFix:
        'Deploy the pipeline itself from CI to a staging and a production environment.',
      rule: fact('ml-pipeline-multi-env'),
    },
    {
      slug: 'pipeline-tests',
      title:
        'Pipeline code tested in CI (approximated: tests present and CI configured)',
      source: 'MLOps',
      howToFix: 'Unit-test the pipeline components and run the tests in CI.',
      rule: { kind: 'facts-all', facts: ['tests', 'ci-config'] },
    },
    {
      slug: 'drift-monitoring',
      title: 'Drift or skew monitoring configured',
      source: 'MLOps',
      howToFix:
        'Monitor serving data for drift and training/serving skew and alert on it.',
      rule: fact('drift-monitoring'),
    },
  ),
];

/**
 * The default rubric of docs/scoring.md: five CDMM categories × five levels, each
 * level its required check first, then its scored checks; plus the MLOps
 * track.
 * @public
 */
export const defaultRubric: Rubric = withRubricVersion(
  {
    version: DEFAULT_RUBRIC_EDITION,
    categories: [culture, design, buildDeploy, test, information],
    mlops: {
      appliesTo: { types: ['ml-model', 'ml-pipeline'], tags: ['ml'] },
      levels: mlopsLevels,
    },
  },
  DEFAULT_RUBRIC_EDITION,
);
