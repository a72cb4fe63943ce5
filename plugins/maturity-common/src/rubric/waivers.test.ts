import { CheckResult, Scorecard } from '../scorecard';
import { categoriesHeldByWaivers, isWaived, withoutWaiver } from './waivers';

const check = (overrides: Partial<CheckResult>): CheckResult => ({
  checkId: 'build-deploy.2.commits-built',
  title: 'Commits built',
  category: 'build-deploy',
  level: 2,
  required: true,
  state: 'pass',
  message: '',
  observed: {},
  source: 'CDMM',
  howToFix: '',
  evidence: [],
  ...overrides,
});

describe('isWaived', () => {
  it('is a check met only through its exemption', () => {
    expect(isWaived({ state: 'exempt', stateWithoutWaiver: 'fail' })).toBe(
      true,
    );
    expect(
      isWaived({ state: 'exempt', stateWithoutWaiver: 'insufficient-data' }),
    ).toBe(true);
    // Evaluated before the underlying state was kept: nothing says it passes.
    expect(isWaived({ state: 'exempt' })).toBe(true);
  });

  it('is not an exempt check that passes anyway, nor a check without exemption', () => {
    expect(isWaived({ state: 'exempt', stateWithoutWaiver: 'pass' })).toBe(
      false,
    );
    expect(isWaived({ state: 'fail' })).toBe(false);
    expect(isWaived({ state: 'pass' })).toBe(false);
  });
});

describe('withoutWaiver', () => {
  it('gives an exempt check back the state its exemption replaced', () => {
    const exempt = check({ state: 'exempt', stateWithoutWaiver: 'fail' });
    expect(withoutWaiver(exempt).state).toBe('fail');
    expect(exempt.state).toBe('exempt');
    expect(
      withoutWaiver(check({ state: 'exempt', stateWithoutWaiver: 'pass' }))
        .state,
    ).toBe('pass');
    expect(withoutWaiver(check({ state: 'exempt' })).state).toBe('fail');
  });

  it('returns any other check unchanged', () => {
    const failing = check({ state: 'fail' });
    expect(withoutWaiver(failing)).toBe(failing);
  });
});

describe('categoriesHeldByWaivers', () => {
  const categories: Scorecard['categories'] = [
    { category: 'culture', level: 3, levels: [] },
    { category: 'design', level: 2, levels: [] },
    { category: 'build-deploy', level: 4, levels: [] },
  ];

  it('lists the categories whose level waivers lift, in order', () => {
    expect(
      categoriesHeldByWaivers({
        categories,
        levelsWithoutWaivers: {
          overallLevel: 1,
          categoryLevels: {
            culture: 1,
            design: 2,
            'build-deploy': 0,
            test: 0,
            information: 0,
          },
        },
      }),
    ).toEqual([
      { category: 'culture', level: 3, levelWithoutWaivers: 1 },
      { category: 'build-deploy', level: 4, levelWithoutWaivers: 0 },
    ]);
  });

  it('is empty for a scorecard evaluated before levels without waivers', () => {
    expect(categoriesHeldByWaivers({ categories })).toEqual([]);
  });
});
