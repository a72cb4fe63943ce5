import { compareRubrics } from './compareRubrics';
import { changedRubric, checkOf, tinyRubric } from './__testUtils__/tinyRubric';

describe('compareRubrics', () => {
  it('finds a changed threshold and re-evaluates its check from metrics', () => {
    const proposed = changedRubric(r => {
      const rule = checkOf(r, 't2.req').rule;
      if (rule.kind === 'metric') rule.threshold = 0.9;
    });
    const comparison = compareRubrics(tinyRubric(), proposed);
    expect(comparison.changedChecks).toEqual([
      {
        checkId: 't2.req',
        title: 'Title of t2.req',
        category: 'test',
        level: 2,
        changes: ['rule'],
      },
    ]);
    expect(comparison.reevaluate.map(c => c.id)).toEqual(['t2.req']);
    expect(comparison.readsMetrics).toBe(true);
    expect([...comparison.changed]).toEqual(['t2.req']);
  });

  it('needs no re-evaluation when only which check is required changes', () => {
    const proposed = changedRubric(r => {
      checkOf(r, 't2.req').required = false;
      checkOf(r, 't2.a').required = true;
    });
    const comparison = compareRubrics(tinyRubric(), proposed);
    expect(comparison.changedChecks.map(c => [c.checkId, c.changes])).toEqual([
      ['t2.req', ['not-required']],
      ['t2.a', ['required']],
    ]);
    expect(comparison.reevaluate).toEqual([]);
    expect(comparison.readsMetrics).toBe(false);
  });

  it('re-evaluates added checks and checks enabled again, and lists removed ones', () => {
    const current = changedRubric(r => {
      checkOf(r, 't1.a').enabled = false;
      r.categories[0].levels[0].checks.push({
        ...checkOf(r, 't1.a'),
        id: 't1.extra',
        enabled: true,
      });
    });
    const proposed = changedRubric(r => {
      r.categories[0].levels[1].checks.push({
        ...checkOf(r, 't2.a'),
        id: 't2.b',
        rule: { kind: 'fact', fact: 'contract-tests' },
      });
    });
    const comparison = compareRubrics(current, proposed);
    expect(comparison.changedChecks.map(c => [c.checkId, c.changes])).toEqual([
      ['t1.a', ['enabled']],
      ['t2.b', ['added']],
      ['t1.extra', ['removed']],
    ]);
    expect(comparison.reevaluate.map(c => c.id)).toEqual(['t1.a', 't2.b']);
    // Both read facts only.
    expect(comparison.readsMetrics).toBe(false);
  });

  it('finds nothing between a rubric and itself', () => {
    const comparison = compareRubrics(tinyRubric(), tinyRubric());
    expect(comparison.changedChecks).toEqual([]);
    expect(comparison.reevaluate).toEqual([]);
  });
});
