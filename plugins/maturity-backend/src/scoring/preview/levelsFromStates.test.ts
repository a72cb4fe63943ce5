import {
  CheckState,
  evaluateScorecard,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { levelsFromStates } from './levelsFromStates';
import { inputWithSuccessRate, tinyRubric } from './__testUtils__/tinyRubric';

const ALL_PASS: Record<string, CheckState> = {
  't1.req': 'pass',
  't1.a': 'pass',
  't2.req': 'pass',
  't2.a': 'pass',
  'm1.req': 'pass',
};

const reading = (
  states: Record<string, CheckState>,
  advisory: string[] = [],
) => ({
  stateOf: (id: string) => states[id],
  counts: (id: string) => !advisory.includes(id),
});

function levels(states: Record<string, CheckState>, isMl = false) {
  const result = levelsFromStates(tinyRubric(), reading(states), isMl);
  return {
    overall: result.overall,
    test: result.categories.get('test'),
    mlops: result.mlops,
  };
}

describe('levelsFromStates', () => {
  it('reaches every level whose checks pass, and the MLOps level of ML entities only', () => {
    expect(levels(ALL_PASS)).toEqual({ overall: 2, test: 2, mlops: undefined });
    expect(levels(ALL_PASS, true)).toEqual({ overall: 2, test: 2, mlops: 1 });
  });

  it('stops the ladder at the first unmet level', () => {
    // Level 1: one applicable scored check, none met, ceil(2/3 × 1) = 1
    // needed: unmet, so level 2 passing does not count.
    expect(levels({ ...ALL_PASS, 't1.a': 'fail' })).toMatchObject({
      overall: 0,
      test: 0,
    });
    // Not applicable leaves no applicable scored check: met on the
    // required check alone.
    expect(levels({ ...ALL_PASS, 't1.a': 'not-applicable' })).toMatchObject({
      test: 2,
    });
  });

  it('counts exempt as met and a check without a state as not met when required', () => {
    expect(levels({ ...ALL_PASS, 't2.req': 'exempt' })).toMatchObject({
      test: 2,
    });
    const { 't2.req': _omitted, ...withoutRequired } = ALL_PASS;
    expect(levels(withoutRequired)).toMatchObject({ overall: 1, test: 1 });
  });
});

describe('levelsFromStates and advisory checks', () => {
  it('leaves advisory checks out as evaluateScorecard does, a required one too', () => {
    // 'unit' is not a fact of the input: t1.a fails, and so would level 1.
    const input = inputWithSuccessRate(0.85);
    for (const advisory of [[], ['t1.a'], ['t1.a', 't1.req', 'm1.req']]) {
      const scorecard = evaluateScorecard(tinyRubric(), {
        ...input,
        entity: { ...input.entity, type: 'ml-model' },
        advisoryChecks: Object.fromEntries(
          advisory.map(id => [id, '2026-12-31']),
        ),
      });
      const states = Object.fromEntries(
        scorecard.checks.map(c => [c.checkId, c.state]),
      );
      const result = levelsFromStates(
        tinyRubric(),
        reading(states, advisory),
        true,
      );
      expect([
        result.overall,
        result.categories.get('test'),
        result.mlops,
      ]).toEqual([
        scorecard.overallLevel,
        scorecard.categories[0].level,
        scorecard.mlops!.level,
      ]);
    }
    // The first case fails level 1; the second counts the rest and reaches 2.
    expect(
      levelsFromStates(
        tinyRubric(),
        reading({ ...ALL_PASS, 't1.a': 'fail' }, ['t1.a']),
        false,
      ).categories.get('test'),
    ).toBe(2);
  });
});

describe('levelsFromStates with scopes to climb', () => {
  it('climbs only the scopes asked and takes the others as given', () => {
    const others = {
      overall: 5 as const,
      categories: new Map([['test', 5 as const]]) as ReturnType<
        typeof levelsFromStates
      >['categories'],
      mlops: 2 as const,
    };
    // test is not asked: its 5 is taken, and so is the MLOps level.
    expect(
      levelsFromStates(tinyRubric(), reading(ALL_PASS), true, {
        scopes: new Set(['culture']),
        others,
      }),
    ).toEqual({ overall: 5, categories: others.categories, mlops: 2 });
    // Asked, both are climbed from the states: 2 and 1.
    const climbed = levelsFromStates(tinyRubric(), reading(ALL_PASS), true, {
      scopes: new Set(['test', 'mlops']),
      others,
    });
    expect([
      climbed.overall,
      climbed.categories.get('test'),
      climbed.mlops,
    ]).toEqual([2, 2, 1]);
  });
});
