import { CheckResult, CheckState, LevelResult } from '../scorecard';
import {
  MLOPS_SCORED_SHARE,
  evaluateLevel,
  isImbalanced,
  ladderLevel,
  medianLevel,
} from './levelMechanics';

function result(state: CheckState, required = false): CheckResult {
  return {
    checkId: `culture.3.check-${Math.random()}`,
    title: 'A check',
    category: 'culture',
    level: 3,
    required,
    state,
    message: '',
    observed: {},
    source: 'heuristic',
    howToFix: '',
    evidence: [],
  };
}

const requiredCheck = (state: CheckState) => result(state, true);

describe('evaluateLevel', () => {
  it('is not met when R fails even if every scored check passes', () => {
    expect(
      evaluateLevel(3, [requiredCheck('fail'), result('pass'), result('pass')]),
    ).toEqual({
      level: 3,
      met: false,
      insufficientData: false,
      passedScored: 2,
      applicableScored: 2,
    });
  });

  it('is met with 2 of 3 scored checks passing (ceil(2/3·3) = 2)', () => {
    const level = evaluateLevel(3, [
      requiredCheck('pass'),
      result('pass'),
      result('pass'),
      result('fail'),
    ]);
    expect(level.met).toBe(true);
    expect(level.passedScored).toBe(2);
    expect(level.applicableScored).toBe(3);
  });

  it('is not met with 1 of 3 scored checks passing', () => {
    expect(
      evaluateLevel(3, [
        requiredCheck('pass'),
        result('pass'),
        result('fail'),
        result('fail'),
      ]).met,
    ).toBe(false);
  });

  it('needs both of 2 applicable scored checks (ceil(4/3) = 2)', () => {
    expect(
      evaluateLevel(3, [requiredCheck('pass'), result('pass'), result('fail')])
        .met,
    ).toBe(false);
  });

  it('leaves not-applicable scored checks out', () => {
    const level = evaluateLevel(3, [
      requiredCheck('pass'),
      result('pass'),
      result('not-applicable'),
      result('not-applicable'),
    ]);
    expect(level).toMatchObject({
      met: true,
      passedScored: 1,
      applicableScored: 1,
    });
  });

  it('is met on R alone when no scored check is applicable', () => {
    expect(
      evaluateLevel(3, [requiredCheck('pass'), result('not-applicable')]),
    ).toMatchObject({ met: true, applicableScored: 0 });
    expect(evaluateLevel(5, [requiredCheck('pass')]).met).toBe(true);
  });

  it('counts exempt as met, for R and for scored checks', () => {
    expect(
      evaluateLevel(3, [
        requiredCheck('exempt'),
        result('exempt'),
        result('pass'),
        result('fail'),
      ]),
    ).toMatchObject({ met: true, passedScored: 2, applicableScored: 3 });
  });

  it('is not met and flags insufficient data when R lacks data', () => {
    expect(
      evaluateLevel(4, [
        requiredCheck('insufficient-data'),
        result('pass'),
        result('pass'),
      ]),
    ).toMatchObject({ met: false, insufficientData: true });
  });

  it('never counts insufficient data on a scored check as a fail', () => {
    // 1 pass + 1 fail would not be met; the insufficient one is left out,
    // so 2 pass of 2 applicable is met.
    expect(
      evaluateLevel(3, [
        requiredCheck('pass'),
        result('pass'),
        result('pass'),
        result('insufficient-data'),
      ]),
    ).toMatchObject({
      met: true,
      insufficientData: false,
      passedScored: 2,
      applicableScored: 2,
    });
  });

  it('is not met when R is not applicable', () => {
    expect(evaluateLevel(1, [requiredCheck('not-applicable')]).met).toBe(false);
  });

  it('needs every applicable scored check with the MLOps share', () => {
    const checks = [
      requiredCheck('pass'),
      result('pass'),
      result('pass'),
      result('fail'),
    ];
    expect(evaluateLevel(1, checks, MLOPS_SCORED_SHARE).met).toBe(false);
    expect(
      evaluateLevel(
        1,
        [requiredCheck('pass'), result('pass'), result('not-applicable')],
        MLOPS_SCORED_SHARE,
      ).met,
    ).toBe(true);
  });
});

describe('ladderLevel', () => {
  const level = (n: 1 | 2 | 3 | 4 | 5, met: boolean): LevelResult => ({
    level: n,
    met,
    insufficientData: false,
    passedScored: 0,
    applicableScored: 0,
  });

  it('stops at the first unmet level even if higher ones are met', () => {
    expect(
      ladderLevel([
        level(1, true),
        level(2, false),
        level(3, true),
        level(4, true),
        level(5, true),
      ]),
    ).toBe(1);
  });

  it('is 0 when level 1 is not met and 5 when all are', () => {
    expect(ladderLevel([level(1, false), level(2, true)])).toBe(0);
    expect(ladderLevel([1, 2, 3, 4, 5].map(n => level(n as 1, true)))).toBe(5);
  });

  it('does not depend on the order of the levels', () => {
    expect(ladderLevel([level(2, true), level(1, true), level(3, false)])).toBe(
      2,
    );
  });
});

describe('medianLevel and isImbalanced', () => {
  it('takes the third of five sorted levels', () => {
    expect(medianLevel([5, 0, 3, 1, 4])).toBe(3);
    expect(medianLevel([2, 2, 2, 2, 2])).toBe(2);
    expect(medianLevel([0, 0, 5, 5, 5])).toBe(5);
  });

  it('takes the lower middle of an even count', () => {
    expect(medianLevel([1, 4, 2, 3])).toBe(2);
  });

  it('flags imbalance when max − min ≥ 2', () => {
    expect(isImbalanced([3, 3, 3, 4, 5])).toBe(true);
    expect(isImbalanced([3, 3, 3, 4, 4])).toBe(false);
    expect(isImbalanced([0, 1, 1, 1, 1])).toBe(false);
  });
});
