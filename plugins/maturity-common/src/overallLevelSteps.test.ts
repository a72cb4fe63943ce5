import { overallLevelSteps } from './overallLevelSteps';
import { CategoryId, CheckResult, MaturityLevel, Scorecard } from './scorecard';

const check = (
  checkId: string,
  state: CheckResult['state'],
  required = false,
): CheckResult => {
  const [category, level] = checkId.split('.');
  return {
    checkId,
    title: checkId,
    category: category as CategoryId,
    level: Number(level) as MaturityLevel,
    required,
    state,
    message: '',
    observed: {},
    source: 'CDMM',
    howToFix: '',
    evidence: [],
  };
};

function scorecard(
  levels: Record<CategoryId, MaturityLevel>,
  overallLevel: MaturityLevel,
  checks: CheckResult[],
): Scorecard {
  return {
    overallLevel,
    categories: Object.entries(levels).map(([category, level]) => ({
      category: category as CategoryId,
      level,
      levels: [],
    })),
    checks,
  } as unknown as Scorecard;
}

describe('overallLevelSteps', () => {
  // Levels 2, 2, 3, 1, 2: the median is 2. Build & deploy already stands
  // above it; two of the three categories at 2 must reach 3.
  const card = scorecard(
    { culture: 2, design: 2, 'build-deploy': 3, test: 1, information: 2 },
    2,
    [
      // Culture: required fails, 1 of 3 scored passes (2 needed).
      check('culture.3.r', 'fail', true),
      check('culture.3.a', 'pass'),
      check('culture.3.b', 'fail'),
      check('culture.3.c', 'fail'),
      // Design: required passes, 1 of 2 scored passes (2 needed); an
      // insufficient-data scored check is left out of the count.
      check('design.3.r', 'pass', true),
      check('design.3.a', 'pass'),
      check('design.3.b', 'fail'),
      check('design.3.c', 'insufficient-data'),
      // Information: required lacks data, scored all pass.
      check('information.3.r', 'insufficient-data', true),
      check('information.3.a', 'pass'),
      check('information.3.b', 'exempt'),
      // Below and above the median: not what lifts it.
      check('test.2.r', 'fail', true),
      check('build-deploy.4.r', 'fail', true),
    ],
  );

  it('lists the categories at the median, cheapest first, and how many must rise', () => {
    const steps = overallLevelSteps(card);
    expect(steps).toMatchObject({
      overallLevel: 2,
      nextLevel: 3,
      categoriesNeeded: 2,
    });
    expect(
      steps.candidates.map(c => [
        c.category,
        c.nextLevel,
        c.required?.checkId,
        c.scored.map(s => s.checkId),
        c.scoredNeeded,
        c.cost,
      ]),
    ).toEqual([
      ['design', 3, undefined, ['design.3.b'], 1, 1],
      ['information', 3, 'information.3.r', [], 0, 1],
      ['culture', 3, 'culture.3.r', ['culture.3.b', 'culture.3.c'], 1, 2],
    ]);
  });

  it('needs fewer categories when more stand above the median', () => {
    const steps = overallLevelSteps(
      scorecard(
        { culture: 4, design: 4, 'build-deploy': 3, test: 0, information: 1 },
        3,
        [check('build-deploy.4.r', 'fail', true)],
      ),
    );
    expect(steps.categoriesNeeded).toBe(1);
    expect(steps.candidates.map(c => c.category)).toEqual(['build-deploy']);
    expect(steps.candidates[0].required?.checkId).toBe('build-deploy.4.r');
  });

  it('has nothing to lift at the top level', () => {
    expect(
      overallLevelSteps(
        scorecard(
          { culture: 5, design: 5, 'build-deploy': 5, test: 5, information: 5 },
          5,
          [],
        ),
      ),
    ).toEqual({
      overallLevel: 5,
      nextLevel: null,
      categoriesNeeded: 0,
      candidates: [],
    });
  });
});
