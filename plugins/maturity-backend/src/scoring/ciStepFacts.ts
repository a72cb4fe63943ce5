import { RepoFactValue } from '@maturity-for-backstage/backstage-plugin-maturity-common';

/**
 * Repository facts that CI runs prove by doing the work: a pipeline that ran
 * an integration-test step has integration tests in CI, whatever a file scan
 * says.
 */
const FACTS_BY_STEP: Record<string, string[]> = {
  'unit-test': ['tests'],
  'integration-test': ['integration-tests-in-ci'],
  'e2e-test': ['e2e-tests-in-ci'],
  'performance-test': ['performance-tests-in-ci'],
  coverage: ['coverage-reported'],
  lint: ['static-analysis-in-ci'],
  'static-analysis': ['static-analysis-in-ci'],
  sast: ['sast-in-ci'],
  sca: ['sast-in-ci'],
  publish: ['artifact-published'],
};

/**
 * Adds the facts proven by CI steps to the snapshot facts. Behaviour only
 * adds evidence: a step not seen never overrides a fact a collector found.
 */
export function withCiStepFacts(
  facts: Record<string, RepoFactValue>,
  stepKinds: Set<string> | undefined,
): Record<string, RepoFactValue> {
  const merged = { ...facts };
  for (const step of stepKinds ?? []) {
    for (const fact of FACTS_BY_STEP[step] ?? []) {
      merged[fact] = true;
    }
  }
  return merged;
}
