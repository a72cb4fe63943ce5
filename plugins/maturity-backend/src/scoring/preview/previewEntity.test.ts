import {
  CheckState,
  Rubric,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { compareRubrics } from './compareRubrics';
import { previewEntity } from './previewEntity';
import {
  changedRubric,
  checkOf,
  inputWithSuccessRate,
  tinyRubric,
} from './__testUtils__/tinyRubric';

const ALL_PASS: Record<string, CheckState> = {
  't1.req': 'pass',
  't1.a': 'pass',
  't2.req': 'pass',
  't2.a': 'pass',
  'm1.req': 'pass',
};

function contextFor(proposed: Rubric, advisory: string[] = []) {
  const current = tinyRubric();
  return {
    current,
    proposed,
    comparison: compareRubrics(current, proposed),
    advisoryChecks: new Set(advisory),
  };
}

/** The success-rate threshold of level 2's required check raised to 0.9. */
const stricter = () =>
  contextFor(
    changedRubric(r => {
      const rule = checkOf(r, 't2.req').rule;
      if (rule.kind === 'metric') rule.threshold = 0.9;
    }),
  );

describe('previewEntity', () => {
  it('drops an entity whose stored success rate is below a raised threshold', () => {
    // 0.85 passed >= 0.8 and fails >= 0.9: test level 2 unmet, so the
    // test level and the overall level (the only category's) drop to 1.
    expect(
      previewEntity(stricter(), {
        checkStates: ALL_PASS,
        isMl: false,
        input: inputWithSuccessRate(0.85),
      }),
    ).toEqual({
      previewable: true,
      changes: [
        { scope: 'overall', from: 2, to: 1, checks: ['t2.req'] },
        { scope: 'test', from: 2, to: 1, checks: ['t2.req'] },
      ],
    });
  });

  it('leaves an entity that meets the raised threshold, or is exempt from the check', () => {
    expect(
      previewEntity(stricter(), {
        checkStates: ALL_PASS,
        isMl: false,
        input: inputWithSuccessRate(0.95),
      }),
    ).toEqual({ previewable: true, changes: [] });
    expect(
      previewEntity(stricter(), {
        checkStates: { ...ALL_PASS, 't2.req': 'exempt' },
        isMl: false,
        input: inputWithSuccessRate(0.5),
      }),
    ).toEqual({ previewable: true, changes: [] });
  });

  it('cannot preview a changed rule without the stored input', () => {
    expect(
      previewEntity(stricter(), { checkStates: ALL_PASS, isMl: false }),
    ).toEqual({ previewable: false });
  });

  it('raises an entity when a failing scored check is disabled, from stored states alone', () => {
    // Level 2 had one applicable scored check (t2.a, failing), one needed:
    // unmet. Without t2.a it is met on its required check.
    const context = contextFor(
      changedRubric(r => {
        checkOf(r, 't2.a').enabled = false;
      }),
    );
    expect(
      previewEntity(context, {
        checkStates: { ...ALL_PASS, 't2.a': 'fail' },
        isMl: false,
      }),
    ).toEqual({
      previewable: true,
      changes: [
        { scope: 'overall', from: 1, to: 2, checks: ['t2.a'] },
        { scope: 'test', from: 1, to: 2, checks: ['t2.a'] },
      ],
    });
  });

  it('lowers the MLOps level of ML entities only when an added check fails', () => {
    // The added scored check reads a fact the repository lacks while
    // source control is connected: fail, and the MLOps track needs all.
    const context = contextFor(
      changedRubric(r => {
        r.mlops.levels[0].checks.push({
          ...checkOf(r, 'm1.req'),
          id: 'm1.b',
          required: false,
          rule: { kind: 'fact', fact: 'feature-store' },
        });
      }),
    );
    const stored = { checkStates: ALL_PASS, input: inputWithSuccessRate(0.9) };
    expect(previewEntity(context, { ...stored, isMl: true })).toEqual({
      previewable: true,
      changes: [{ scope: 'mlops', from: 1, to: 0, checks: ['m1.b'] }],
    });
    expect(previewEntity(context, { ...stored, isMl: false })).toEqual({
      previewable: true,
      changes: [],
    });
  });

  it('leaves advisory checks out of the levels before and after, as the stored levels do', () => {
    // t1.a fails but is advisory: the stored test level is 2, and the
    // raised threshold drops it to 1 (counted, t1.a would hold it at 0).
    const raised = stricter().proposed;
    const stored = {
      checkStates: { ...ALL_PASS, 't1.a': 'fail' as const },
      isMl: false,
      input: inputWithSuccessRate(0.85),
    };
    expect(previewEntity(contextFor(raised, ['t1.a']), stored)).toEqual({
      previewable: true,
      changes: [
        { scope: 'overall', from: 2, to: 1, checks: ['t2.req'] },
        { scope: 'test', from: 2, to: 1, checks: ['t2.req'] },
      ],
    });
    // The advisory check the proposal changes counts after: the preview
    // shows the change once it counts.
    const t1aRequired = changedRubric(r => {
      checkOf(r, 't1.a').required = true;
      checkOf(r, 't1.req').required = false;
    });
    expect(
      previewEntity(contextFor(t1aRequired, ['t1.a']), stored),
    ).toMatchObject({
      changes: [
        { scope: 'overall', from: 2, to: 0 },
        { scope: 'test', from: 2, to: 0 },
      ],
    });
  });
});
