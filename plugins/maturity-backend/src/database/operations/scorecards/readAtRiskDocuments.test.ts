import { TestDatabases } from '@backstage/backend-test-utils';
import {
  applyHeldLevels,
  HeldLevelsState,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { makeEvaluation } from '../../../testing/makeEvaluation';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';

jest.setTimeout(60_000);

const at3: HeldLevelsState = {
  culture: { level: 3, belowDays: 0, lastBelowDay: null },
  design: { level: 3, belowDays: 0, lastBelowDay: null },
  'build-deploy': { level: 3, belowDays: 0, lastBelowDay: null },
  test: { level: 3, belowDays: 0, lastBelowDay: null },
  information: { level: 3, belowDays: 0, lastBelowDay: null },
};

/** An entity of `owner` evaluated at these raw levels, held from all at 3. */
function heldEvaluation(
  ref: string,
  owner: string,
  levels: [number, number, number, number, number],
) {
  const record = makeEvaluation(ref, {
    owner,
    levels,
    failing: ['build-deploy.3.x'],
  });
  record.scorecard.checks[0].level = 3;
  const held = applyHeldLevels(record.scorecard, at3, { dropAfterDays: 3 });
  return { ...record, scorecard: held.scorecard, held: held.held };
}

describe('listAtRisk', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'lists the scorecards of an entity or of a team with a category held above its raw level, %p',
    async databaseId => {
      const { db } = await migratedDatabase(databases, databaseId);
      await db.results.saveEvaluations(
        [
          // build-deploy dips to 2: at risk.
          heldEvaluation(
            'component:default/b',
            'group:default/payments',
            [3, 3, 2, 3, 3],
          ),
          heldEvaluation(
            'component:default/a',
            'group:default/payments',
            [3, 3, 3, 3, 1],
          ),
          // At its level: not at risk.
          heldEvaluation(
            'component:default/c',
            'group:default/payments',
            [3, 3, 3, 3, 3],
          ),
          heldEvaluation(
            'component:default/d',
            'group:default/search',
            [1, 3, 3, 3, 3],
          ),
        ],
        new Date('2026-11-24T10:00:00Z'),
      );

      const team = await db.results.listAtRisk({
        ownerRef: 'group:default/payments',
      });
      expect(team.map(s => s.entityRef)).toEqual([
        'component:default/a',
        'component:default/b',
      ]);
      const b = team[1].categories.find(c => c.category === 'build-deploy')!;
      expect(b).toMatchObject({
        level: 3,
        rawLevel: 2,
        atRisk: {
          belowDays: 1,
          // Evaluated on 2026-11-23 (makeEvaluation): day 1 of 3 below.
          dropsOn: '2026-11-25',
          checks: ['build-deploy.3.x'],
        },
      });
      // The checks come back with their rubric text.
      expect(team[1].checks[0].title).toBe('build-deploy.3.x');

      expect(
        (await db.results.listAtRisk({ entityRef: 'component:default/c' }))
          .length,
      ).toBe(0);
      expect(
        (await db.results.listAtRisk({ entityRef: 'component:default/d' })).map(
          s => s.entityRef,
        ),
      ).toEqual(['component:default/d']);
      expect(
        await db.results.listAtRisk({ ownerRef: 'group:default/nobody' }),
      ).toEqual([]);
    },
  );
});
