import {
  CategoryId,
  CheckResult,
  MaturityLevel,
  Scorecard,
} from '../scorecard';
import {
  applyHeldLevels,
  HeldCategoryState,
  holdCategoryLevel,
  utcDayOf,
  utcDayToDate,
} from './heldLevels';

// 2026-12-01 is day 20788 since 1970-01-01: 56 years of 365 days, 14
// leap days (1972–2024), and 334 days of January to November 2026.
const DEC_1 = 20788;

describe('holdCategoryLevel (drop after 3 days)', () => {
  const hold = (
    previous: HeldCategoryState | undefined,
    raw: number,
    day: number,
  ) => holdCategoryLevel(previous, raw as MaturityLevel, day, 3);

  it('starts at the raw level', () => {
    expect(hold(undefined, 2, DEC_1)).toEqual({
      level: 2,
      belowDays: 0,
      lastBelowDay: null,
    });
  });

  it('counts a rise at once', () => {
    const at2 = hold(undefined, 2, DEC_1);
    expect(hold(at2, 4, DEC_1).level).toBe(4);
  });

  it('holds a dip of one and of two days, drops on the third', () => {
    const at3 = hold(undefined, 3, DEC_1);
    const day1 = hold(at3, 1, DEC_1 + 1);
    expect(day1).toEqual({ level: 3, belowDays: 1, lastBelowDay: DEC_1 + 1 });
    const day2 = hold(day1, 2, DEC_1 + 2);
    expect(day2).toEqual({ level: 3, belowDays: 2, lastBelowDay: DEC_1 + 2 });
    // The third day drops to that day's level, and the count starts over.
    expect(hold(day2, 2, DEC_1 + 3)).toEqual({
      level: 2,
      belowDays: 0,
      lastBelowDay: null,
    });
  });

  it('counts many evaluations on one day once', () => {
    const at3 = hold(undefined, 3, DEC_1);
    let state = hold(at3, 2, DEC_1 + 1);
    for (let i = 0; i < 24; i++) state = hold(state, 2, DEC_1 + 1);
    expect(state).toEqual({ level: 3, belowDays: 1, lastBelowDay: DEC_1 + 1 });
  });

  it('resets the count when an evaluation finds it back at its level', () => {
    const at3 = hold(undefined, 3, DEC_1);
    const dip = hold(hold(at3, 2, DEC_1 + 1), 2, DEC_1 + 2);
    const recovered = hold(dip, 3, DEC_1 + 2);
    expect(recovered).toEqual({ level: 3, belowDays: 0, lastBelowDay: null });
    // A new dip needs three days again.
    const again = hold(hold(recovered, 2, DEC_1 + 3), 2, DEC_1 + 4);
    expect(again.level).toBe(3);
    expect(hold(again, 2, DEC_1 + 5).level).toBe(2);
  });

  it('does not reset the count on days without an evaluation', () => {
    const at3 = hold(undefined, 3, DEC_1);
    const day1 = hold(at3, 2, DEC_1 + 1);
    // The backend was down on DEC_1 + 2 and DEC_1 + 3.
    const day2 = hold(day1, 2, DEC_1 + 4);
    expect(day2.belowDays).toBe(2);
    expect(hold(day2, 2, DEC_1 + 5).level).toBe(2);
  });

  it('skips a week without evaluations: it neither counts the days below nor resets', () => {
    const at3 = hold(undefined, 3, DEC_1);
    const monday = hold(at3, 2, DEC_1 + 1);
    // Nothing evaluated for a week: still one day below, held.
    const nextTuesday = hold(monday, 2, DEC_1 + 9);
    expect(nextTuesday).toEqual({
      level: 3,
      belowDays: 2,
      lastBelowDay: DEC_1 + 9,
    });
    // After another gap, the third evaluated day below drops it.
    expect(hold(nextTuesday, 1, DEC_1 + 12)).toEqual({
      level: 1,
      belowDays: 0,
      lastBelowDay: null,
    });
  });

  it('drops at once with a one-day rule', () => {
    expect(
      holdCategoryLevel(hold(undefined, 3, DEC_1), 1, DEC_1 + 1, 1),
    ).toEqual({ level: 1, belowDays: 0, lastBelowDay: null });
  });
});

const check = (
  checkId: string,
  state: CheckResult['state'],
  extra: Partial<CheckResult> = {},
): CheckResult => {
  const [category, level] = checkId.split('.');
  return {
    checkId,
    title: checkId,
    category: category as CategoryId,
    level: Number(level) as MaturityLevel,
    required: false,
    state,
    message: '',
    observed: {},
    source: 'CDMM',
    howToFix: '',
    evidence: [],
    ...extra,
  };
};

function rawScorecard(
  evaluatedAt: string,
  levels: Record<CategoryId, MaturityLevel>,
  checks: CheckResult[] = [],
): Scorecard {
  const values = Object.values(levels);
  return {
    entityRef: 'component:default/a',
    rubricVersion: 'v1',
    evaluatedAt,
    window: { from: evaluatedAt, to: evaluatedAt },
    overallLevel: [...values].sort((a, b) => a - b)[2],
    imbalanced: false,
    categories: Object.entries(levels).map(([category, level]) => ({
      category: category as CategoryId,
      level,
      levels: [],
    })),
    checks,
    delivery: {} as Scorecard['delivery'],
  };
}

describe('applyHeldLevels', () => {
  const levels = (
    culture: number,
    design: number,
    buildDeploy: number,
    test: number,
    information: number,
  ) =>
    ({
      culture,
      design,
      'build-deploy': buildDeploy,
      test,
      information,
    } as Record<CategoryId, MaturityLevel>);

  it('holds a dipping category, says when it drops and why, and keeps the overall level', () => {
    const first = applyHeldLevels(
      rawScorecard('2026-12-01T10:00:00Z', levels(3, 3, 3, 2, 2)),
      undefined,
      { dropAfterDays: 3 },
    );
    expect(first.scorecard.overallLevel).toBe(3);
    expect(first.scorecard.categories.every(c => !c.atRisk)).toBe(true);

    // Next day design falls to 1: level 2's required check fails, level
    // 3's scored check lacks data; level 2's passing check and an
    // advisory failing one are not the cause.
    const next = applyHeldLevels(
      rawScorecard('2026-12-02T10:00:00Z', levels(3, 1, 3, 2, 2), [
        check('design.2.required', 'fail', { required: true }),
        check('design.2.scored', 'pass'),
        check('design.3.scored', 'insufficient-data'),
        check('design.3.new', 'fail', { countsFrom: '2026-12-20' }),
        check('design.4.scored', 'fail'),
        check('culture.3.scored', 'fail'),
      ]),
      first.held,
      { dropAfterDays: 3 },
    );
    const design = next.scorecard.categories.find(
      c => c.category === 'design',
    )!;
    expect(design.level).toBe(3);
    expect(design.rawLevel).toBe(1);
    expect(design.atRisk).toEqual({
      belowDays: 1,
      dropsOn: '2026-12-04',
      checks: ['design.2.required', 'design.3.scored'],
    });
    // Held levels 3, 3, 3, 2, 2 → 3; raw 3, 1, 3, 2, 2 → 2.
    expect(next.scorecard.overallLevel).toBe(3);
    expect(next.scorecard.rawOverallLevel).toBe(2);
    expect(next.held.design).toEqual({
      level: 3,
      belowDays: 1,
      lastBelowDay: DEC_1 + 1,
    });
  });

  it('drops the overall level with the category on the third day', () => {
    let state = applyHeldLevels(
      rawScorecard('2026-12-01T10:00:00Z', levels(3, 3, 3, 2, 2)),
      undefined,
      { dropAfterDays: 3 },
    );
    for (const day of ['02', '03', '04']) {
      state = applyHeldLevels(
        rawScorecard(`2026-12-${day}T10:00:00Z`, levels(3, 1, 3, 2, 2)),
        state.held,
        { dropAfterDays: 3 },
      );
    }
    const design = state.scorecard.categories.find(
      c => c.category === 'design',
    )!;
    expect(design.level).toBe(1);
    expect(design.atRisk).toBeUndefined();
    // 3, 1, 3, 2, 2 → median 2; 3 − 1 ≥ 2 is imbalanced.
    expect(state.scorecard.overallLevel).toBe(2);
    expect(state.scorecard.imbalanced).toBe(true);
  });

  it('is idempotent on a scorecard already held (raw levels are kept)', () => {
    const first = applyHeldLevels(
      rawScorecard('2026-12-01T10:00:00Z', levels(3, 3, 3, 3, 3)),
      undefined,
      { dropAfterDays: 3 },
    );
    const dipped = applyHeldLevels(
      rawScorecard('2026-12-02T10:00:00Z', levels(3, 3, 3, 3, 1)),
      first.held,
      { dropAfterDays: 3 },
    );
    const again = applyHeldLevels(dipped.scorecard, first.held, {
      dropAfterDays: 3,
    });
    expect(again.scorecard.categories[4]).toMatchObject({
      level: 3,
      rawLevel: 1,
    });
  });
});

describe('applyHeldLevels and the levels without waivers', () => {
  const all3 = {
    culture: 3,
    design: 3,
    'build-deploy': 3,
    test: 3,
    information: 3,
  } as Record<CategoryId, MaturityLevel>;
  const heldAt3 = applyHeldLevels(
    rawScorecard('2026-12-01T10:00:00Z', all3),
    undefined,
    { dropAfterDays: 3 },
  ).held;

  it('does not show a held dip as waiver debt, and keeps the debt waivers hide', () => {
    // Design dips to 1 with no waiver; test is at 3 only thanks to a
    // waiver (2 without it).
    const raw = rawScorecard('2026-12-02T10:00:00Z', { ...all3, design: 1 });
    raw.levelsWithoutWaivers = {
      overallLevel: 2,
      categoryLevels: { ...all3, design: 1, test: 2 },
    };
    const { scorecard } = applyHeldLevels(raw, heldAt3, { dropAfterDays: 3 });
    expect(scorecard.levelsWithoutWaivers).toEqual({
      // Held 3, 3, 3, 3, 3; without waivers 3, 3, 3, 2, 3 → 3.
      overallLevel: 3,
      categoryLevels: { ...all3, test: 2 },
    });
  });

  it('counts only what a waiver lifts as debt on a category held above its raw level', () => {
    // Design is held at 3 while it dips to 2 (day 1 of 3 below), and is at
    // 2 only thanks to a waiver: 1 without it. One level is waiver debt,
    // the other the held dip.
    const raw = rawScorecard('2026-12-02T10:00:00Z', { ...all3, design: 2 });
    raw.levelsWithoutWaivers = {
      overallLevel: 3,
      categoryLevels: { ...all3, design: 1 },
    };
    const { scorecard } = applyHeldLevels(raw, heldAt3, { dropAfterDays: 3 });
    const design = scorecard.categories.find(c => c.category === 'design')!;
    expect(design).toMatchObject({ level: 3, rawLevel: 2 });
    expect(design.atRisk).toBeDefined();
    expect(scorecard.levelsWithoutWaivers!.categoryLevels.design).toBe(2);
  });

  it("keeps a held category's level without waivers at or below its held level, and its debt the same through the dip and the drop", () => {
    // A waiver lifts test from 0 to 2 while the category is at risk (held
    // at 3, raw 2); then it drops on the third day below.
    const dipping = (day: string) => {
      const raw = rawScorecard(`2026-12-${day}T10:00:00Z`, {
        ...all3,
        test: 2,
      });
      raw.levelsWithoutWaivers = {
        overallLevel: 3,
        categoryLevels: { ...all3, test: 0 },
      };
      return raw;
    };
    let state = { held: heldAt3 } as ReturnType<typeof applyHeldLevels>;
    const debts: Array<[number, number]> = [];
    for (const day of ['02', '03', '04']) {
      state = applyHeldLevels(dipping(day), state.held, { dropAfterDays: 3 });
      const test = state.scorecard.categories.find(c => c.category === 'test')!;
      const without = state.scorecard.levelsWithoutWaivers!.categoryLevels.test;
      expect(without).toBeLessThanOrEqual(test.level);
      debts.push([test.level, without]);
    }
    // Held 3 (two days), then dropped to 2; two levels of waiver debt
    // throughout, never the held dip's extra level.
    expect(debts).toEqual([
      [3, 1],
      [3, 1],
      [2, 0],
    ]);
  });

  it('shows the held level without waivers where waivers lift nothing, whatever the dip', () => {
    const raw = rawScorecard('2026-12-02T10:00:00Z', {
      ...all3,
      culture: 1,
      information: 2,
    });
    raw.levelsWithoutWaivers = {
      overallLevel: 2,
      categoryLevels: { ...all3, culture: 1, information: 2 },
    };
    const { scorecard } = applyHeldLevels(raw, heldAt3, { dropAfterDays: 3 });
    expect(scorecard.levelsWithoutWaivers).toEqual({
      overallLevel: 3,
      categoryLevels: all3,
    });
  });
});

describe('UTC days', () => {
  it('converts both ways', () => {
    expect(utcDayOf('2026-12-01T23:59:59.999Z')).toBe(DEC_1);
    expect(utcDayToDate(DEC_1)).toBe('2026-12-01');
  });
});
