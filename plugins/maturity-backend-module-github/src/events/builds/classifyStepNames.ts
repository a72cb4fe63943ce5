import {
  BUILD_STEP_KINDS,
  BuildStepKind,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';

/**
 * Keyword rules from job and step names to step kinds, checked in order.
 * Names are lower-cased; a name may match several rules ("build and push").
 */
const RULES: Array<[RegExp, BuildStepKind]> = [
  [
    /\be2e\b|end[- ]to[- ]end|cypress|playwright|selenium|acceptance/,
    'e2e-test',
  ],
  [
    /integration[- ]?tests?|\bintegration\b|\bit[- ]tests?\b/,
    'integration-test',
  ],
  [
    /\bperf\b|performance|load[- ]?test|\bk6\b|gatling|jmeter|locust/,
    'performance-test',
  ],
  [/codeql|\bsast\b|semgrep|bandit|gosec|checkmarx|snyk code/, 'sast'],
  [
    /snyk|trivy|grype|dependency[- ](check|review)|npm audit|osv-scanner|\bsca\b/,
    'sca',
  ],
  [
    /sonar|static[- ]analysis|spotbugs|pmd\b|mypy|tsc --noemit|type[- ]?check/,
    'static-analysis',
  ],
  [
    /lint|eslint|prettier|flake8|ruff|golangci|checkstyle|rubocop|format check/,
    'lint',
  ],
  [/coverage|codecov|coveralls/, 'coverage'],
  [
    /publish|release|docker push|push image|build[- ]and[- ]push|build-push|upload artifact|npm publish|goreleaser/,
    'publish',
  ],
  [/deploy|rollout|helm upgrade|kubectl apply|terraform apply/, 'deploy'],
  [/\bbuild\b|compile|bundle|\bmvn\b.*package|gradle.*assemble/, 'build'],
];

const SPECIFIC_TESTS: BuildStepKind[] = [
  'e2e-test',
  'integration-test',
  'performance-test',
];
const UNIT_TEST =
  /\btests?\b|\bunit\b|jest|pytest|vitest|mocha|go test|rspec|\bspec\b/;

/**
 * The step kinds a run's job and step names suggest, in the order of
 * `BUILD_STEP_KINDS`. A generic "test" counts as a unit test unless the name
 * says which other kind of test it is.
 */
export function classifyStepNames(names: Iterable<string>): BuildStepKind[] {
  const found = new Set<BuildStepKind>();
  for (const raw of names) {
    const name = raw.toLocaleLowerCase('en-US');
    const kinds = RULES.filter(([rule]) => rule.test(name)).map(([, k]) => k);
    kinds.forEach(kind => found.add(kind));
    if (UNIT_TEST.test(name) && !kinds.some(k => SPECIFIC_TESTS.includes(k))) {
      found.add('unit-test');
    }
  }
  return BUILD_STEP_KINDS.filter(kind => found.has(kind));
}
