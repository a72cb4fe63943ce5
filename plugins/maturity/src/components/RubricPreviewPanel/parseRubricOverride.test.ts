import { parseRubricOverride } from './parseRubricOverride';

describe('parseRubricOverride', () => {
  it('reads YAML and JSON, and the override inside an app-config excerpt', () => {
    const rubric = { checks: { 'test.3.e2e-tests': { threshold: 0.9 } } };
    expect(
      parseRubricOverride('checks:\n  test.3.e2e-tests:\n    threshold: 0.9\n'),
    ).toEqual({ rubric });
    expect(parseRubricOverride(JSON.stringify(rubric))).toEqual({ rubric });
    expect(
      parseRubricOverride(
        'maturity:\n  rubric:\n    checks:\n      test.3.e2e-tests:\n        threshold: 0.9\n',
      ),
    ).toEqual({ rubric });
  });

  it('says what is wrong with empty, malformed or non-mapping text', () => {
    expect(parseRubricOverride('  \n')).toEqual({
      problem: expect.stringMatching(/^Paste a rubric override/),
    });
    expect(parseRubricOverride('checks: [unclosed')).toEqual({
      problem: expect.stringMatching(/^Not valid YAML or JSON: /),
    });
    expect(parseRubricOverride('- a\n- b\n')).toEqual({
      problem: 'The override must be a mapping with checks and/or addChecks.',
    });
  });
});
