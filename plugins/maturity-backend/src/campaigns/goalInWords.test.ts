import { RubricTitles } from '../notifications/RubricTitles';
import { campaignRubric } from './__testUtils__/campaignFixtures';
import { checkList, goalInWords } from './goalInWords';

const titles = new RubricTitles(campaignRubric);

describe('goalInWords', () => {
  const checks = {
    type: 'checks' as const,
    checkIds: ['test.1.a', 'test.1.b', 'test.2.a', 'test.2.b', 'gone'],
  };

  it('names the first checks and how many more, for a notification', () => {
    expect(goalInWords(checks, titles)).toBe(
      'pass test level 1 a, test level 1 b, test level 2 a +2',
    );
    expect(
      goalInWords({ type: 'checks', checkIds: ['gone'] }, titles, 'short'),
    ).toBe('pass gone');
    expect(goalInWords({ type: 'mlopsLevel', level: 2 }, titles)).toBe(
      'reach MLOps level 2',
    );
  });

  it('names every check, quoted, and whom an MLOps goal counts, for an agent', () => {
    expect(goalInWords(checks, titles, 'full')).toBe(
      'pass these checks: "test level 1 a", "test level 1 b", "test level 2 a", "test level 2 b", "gone"',
    );
    expect(goalInWords({ type: 'mlopsLevel', level: 1 }, titles, 'full')).toBe(
      'reach MLOps level 1 (ML entities only)',
    );
  });

  it('says the same of level goals either way, with the category title', () => {
    for (const style of ['short', 'full'] as const) {
      expect(
        goalInWords(
          { type: 'categoryLevel', category: 'test', level: 3 },
          titles,
          style,
        ),
      ).toBe('reach level 3 in test title');
      expect(
        goalInWords({ type: 'overallLevel', level: 2 }, titles, style),
      ).toBe('reach overall level 2');
    }
  });
});

describe('checkList', () => {
  it('names up to three checks', () => {
    expect(checkList(['test.1.a', 'test.1.b', 'test.2.a'], titles)).toBe(
      'test level 1 a, test level 1 b, test level 2 a',
    );
  });
});
