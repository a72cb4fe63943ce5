import { CheckResult, Scorecard } from './scorecard';
import { nextLevelBlockers } from './nextLevelBlockers';

const check = (
  checkId: string,
  level: 1 | 2 | 3,
  state: CheckResult['state'],
  required = false,
): CheckResult => ({
  checkId,
  title: checkId,
  category: 'build-deploy',
  level,
  required,
  state,
  message: '',
  observed: {},
  source: 'CDMM',
  howToFix: '',
  evidence: [],
});

describe('nextLevelBlockers', () => {
  it('lists the unmet checks of the next level, required first', () => {
    const scorecard = {
      categories: [
        { category: 'build-deploy', level: 1, levels: [] },
        { category: 'test', level: 5, levels: [] },
      ],
      checks: [
        check('bd.1.ci', 1, 'pass', true),
        check('bd.2.artifact', 2, 'fail'),
        check('bd.2.commits-built', 2, 'insufficient-data', true),
        check('bd.2.recorded', 2, 'pass'),
        check('bd.2.waived', 2, 'exempt'),
        check('bd.3.automated', 3, 'fail', true),
      ],
    } as unknown as Scorecard;
    expect(
      nextLevelBlockers(scorecard).map(b => [
        b.category,
        b.nextLevel,
        b.checks.map(c => c.checkId),
      ]),
    ).toEqual([['build-deploy', 2, ['bd.2.commits-built', 'bd.2.artifact']]]);
  });
});
