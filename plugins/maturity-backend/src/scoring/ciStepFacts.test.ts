import { withCiStepFacts } from './ciStepFacts';

describe('withCiStepFacts', () => {
  it('adds the facts CI steps prove and keeps collected ones', () => {
    expect(
      withCiStepFacts(
        { codeowners: true, 'sast-in-ci': true, 'coverage-reported': false },
        new Set(['integration-test', 'coverage', 'deploy']),
      ),
    ).toEqual({
      codeowners: true,
      'sast-in-ci': true,
      'coverage-reported': true,
      'integration-tests-in-ci': true,
    });
  });

  it('never turns a collected fact off when a step was not seen', () => {
    expect(withCiStepFacts({ 'sast-in-ci': true }, new Set())).toEqual({
      'sast-in-ci': true,
    });
    expect(withCiStepFacts({}, undefined)).toEqual({});
  });
});
