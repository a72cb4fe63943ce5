import { defaultRubric } from './defaultRubric';
import { evaluateScorecard } from './evaluateScorecard';
import { advisoryChecksOn, checkFingerprint } from './advisoryChecks';
import { RubricCheck } from './Rubric';
import { eliteInput, okMetric } from './__testUtils__/evaluationInputs';

const DEC_1 = 20788;

describe('advisory checks', () => {
  const commitsBuilt = defaultRubric.categories
    .find(c => c.id === 'build-deploy')!
    .levels.find(l => l.level === 2)!
    .checks.find(c => c.id === 'build-deploy.2.commits-built')!;

  it('gives a check a new fingerprint when its rule, level or required flag changes, not its text', () => {
    const base = checkFingerprint(commitsBuilt);
    const edited = (change: Partial<RubricCheck>) =>
      checkFingerprint({ ...commitsBuilt, ...change });
    expect(edited({ title: 'Another title', howToFix: 'Another fix' })).toBe(
      base,
    );
    expect(edited({ required: false })).not.toBe(base);
    expect(edited({ level: 3 })).not.toBe(base);
    expect(
      edited({ rule: { ...commitsBuilt.rule, threshold: 0.5 } as never }),
    ).not.toBe(base);
  });

  it('is advisory for the given days after it was first seen', () => {
    const firstSeen = new Map([
      ['new.check', DEC_1],
      ['old.check', 0],
    ]);
    expect(advisoryChecksOn(firstSeen, DEC_1, 14)).toEqual({
      'new.check': '2026-12-15',
    });
    expect(advisoryChecksOn(firstSeen, DEC_1 + 13, 14)).toEqual({
      'new.check': '2026-12-15',
    });
    expect(advisoryChecksOn(firstSeen, DEC_1 + 14, 14)).toEqual({});
    expect(advisoryChecksOn(firstSeen, DEC_1, 0)).toEqual({});
  });

  it('shows an advisory check with its state and leaves it out of the levels', () => {
    const input = eliteInput();
    // Fails build & deploy level 2's required check: level 1 without it.
    input.metrics.ci_default_branch_commit_build_share = okMetric(
      'ci_default_branch_commit_build_share',
      0.55,
      120,
    );
    const counted = evaluateScorecard(defaultRubric, input);
    expect(
      counted.categories.find(c => c.category === 'build-deploy')!.level,
    ).toBe(1);

    input.advisoryChecks = { 'build-deploy.2.commits-built': '2026-12-15' };
    const advisory = evaluateScorecard(defaultRubric, input);
    const check = advisory.checks.find(
      c => c.checkId === 'build-deploy.2.commits-built',
    )!;
    expect(check.state).toBe('fail');
    expect(check.countsFrom).toBe('2026-12-15');
    // Level 2 is judged on its scored checks, which all pass.
    expect(
      advisory.categories.find(c => c.category === 'build-deploy')!.level,
    ).toBe(5);
    expect(
      advisory.checks.filter(c => c.countsFrom).map(c => c.checkId),
    ).toEqual(['build-deploy.2.commits-built']);
  });
});
