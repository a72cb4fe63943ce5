/**
 * Repository facts the default rubric reads, as the demo data and the
 * collectors emit them. Booleans, except `ci-system` (string) and
 * `stale-branches` (number of branches without a commit for 14 days).
 * Adopters' own rules may name other facts.
 * @public
 */
export const REPO_FACT_NAMES = [
  'codeowners',
  'lockfile',
  'dependabot',
  'ci-config',
  'ci-system',
  'build-file',
  'dockerfile',
  'tests',
  'api-spec',
  'config-as-code',
  'iac',
  'iac-validated-in-ci',
  'feature-flag-sdk',
  'telemetry-sdk',
  'branch-protection',
  'branch-protection-required-checks',
  'gitops-manifest',
  'stale-branches',
  'artifact-published',
  'integration-tests-in-ci',
  'coverage-reported',
  'e2e-tests-in-ci',
  'tests-required-checks',
  'e2e-gates-production',
  'sast-in-ci',
  'performance-tests-in-ci',
  'static-analysis-in-ci',
  'zero-downtime-strategy',
  'progressive-delivery',
  'dashboard',
  'incident-service-mapped',
  'ml-pipeline-definition',
  'experiment-tracking',
  'data-validation',
  'model-validation',
  'drift-monitoring',
  'ml-pipeline-multi-env',
] as const;

/** @public */
export type RepoFactName = (typeof REPO_FACT_NAMES)[number];
