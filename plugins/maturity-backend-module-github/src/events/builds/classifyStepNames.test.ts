import { classifyStepNames } from './classifyStepNames';

describe('classifyStepNames', () => {
  it.each([
    [['Run npm test'], ['unit-test']],
    [['Integration tests'], ['integration-test']],
    [['e2e (chromium)', 'Run Playwright tests'], ['e2e-test']],
    [['Lint', 'Run eslint .'], ['lint']],
    [['Analyze (javascript)', 'Perform CodeQL Analysis'], ['sast']],
    [['Run Trivy vulnerability scanner'], ['sca']],
    [['Upload coverage to Codecov'], ['coverage']],
    [['k6 load test'], ['performance-test']],
    [['Build and push Docker image'], ['build', 'publish']],
    [['Deploy to production'], ['deploy']],
    [['Set up job', 'Run actions/checkout@v4', 'Complete job'], []],
  ])('%j → %j', (names, kinds) => {
    expect(classifyStepNames(names)).toEqual(kinds);
  });
});
