import {
  goalInWords,
  scopeInWords,
  statusLabel,
  tallyLabel,
  whatIsLeft,
} from './describeCampaign';

const titleOf = (id: string) => `“${id}”`;

describe('describeCampaign', () => {
  it('says how many meet the goal of how many, in whole percent', () => {
    expect(tallyLabel({ meeting: 23, inScope: 39 })).toBe('23 of 39 (59 %)');
    expect(tallyLabel({ meeting: 0, inScope: 0 })).toBe('0 of 0 (0 %)');
  });

  it('says a status, a finished one with the day its figures became final', () => {
    expect(statusLabel({ status: 'active' })).toBe('Active');
    expect(statusLabel({ status: 'finished' })).toBe('Finished');
    expect(
      statusLabel({ status: 'finished', finishedAt: '2026-11-01T00:10:00Z' }),
    ).toBe('Finished Nov 1, 2026');
  });

  it('puts each kind of goal in words', () => {
    expect(goalInWords({ type: 'checks', checkIds: ['a', 'b'] }, titleOf)).toBe(
      'Pass “a”, “b”',
    );
    expect(
      goalInWords(
        { type: 'categoryLevel', category: 'test', level: 3 },
        titleOf,
      ),
    ).toBe('Reach level 3 · Intermediate in Test & Verification');
    expect(goalInWords({ type: 'overallLevel', level: 2 }, titleOf)).toBe(
      'Reach overall level 2 · Beginner',
    );
    expect(goalInWords({ type: 'mlopsLevel', level: 1 }, titleOf)).toBe(
      'Reach MLOps level 1 · ML pipeline automation (ML entities only)',
    );
  });

  it('puts the scope in words, every entity when it filters nothing', () => {
    expect(scopeInWords({})).toBe('Every evaluated entity');
    expect(scopeInWords({ owners: [], tags: [] })).toBe(
      'Every evaluated entity',
    );
    expect(
      scopeInWords({
        owners: ['group:default/acme'],
        includeSubgroups: true,
        kinds: ['component'],
        tags: ['java', 'ml'],
      }),
    ).toBe(
      'Entities owned by group:default/acme and their sub-groups; kinds: component; tags: java, ml',
    );
    expect(scopeInWords({ owners: ['group:default/acme'] })).toBe(
      'Entities owned by group:default/acme',
    );
  });

  it('says what is left: the failing checks, and for a level goal the level to reach', () => {
    expect(
      whatIsLeft(
        { type: 'checks', checkIds: ['a', 'b'] },
        { failingChecks: ['b'] },
        titleOf,
      ),
    ).toBe('“b”');
    expect(
      whatIsLeft(
        { type: 'categoryLevel', category: 'test', level: 3 },
        { failingChecks: ['x', 'y'], level: 2 },
        titleOf,
      ),
    ).toBe(
      'reach level 3 · Intermediate in Test & Verification (now 2 · Beginner): “x”, “y”',
    );
    expect(
      whatIsLeft(
        { type: 'overallLevel', level: 2 },
        { failingChecks: [], level: 1 },
        titleOf,
      ),
    ).toBe('reach overall level 2 · Beginner (now 1 · Base)');
    expect(
      whatIsLeft({ type: 'mlopsLevel', level: 2 }, undefined, titleOf),
    ).toBe('reach MLOps level 2 · CI/CD pipeline automation');
  });
});
