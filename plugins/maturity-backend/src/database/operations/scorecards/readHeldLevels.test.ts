import { TestDatabases } from '@backstage/backend-test-utils';
import { applyHeldLevels } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { makeEvaluation } from '../../../testing/makeEvaluation';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { readHeldLevels } from './readHeldLevels';

jest.setTimeout(60_000);

describe('readHeldLevels', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'reads back the held state and check states the save wrote, for a whole batch, %p',
    async databaseId => {
      const { knex, db } = await migratedDatabase(databases, databaseId);
      const monday = new Date('2026-11-23T10:00:00Z');
      const a = makeEvaluation('component:default/a', {
        levels: [3, 3, 3, 3, 3],
      });
      const b = makeEvaluation('component:default/b', {
        levels: [1, 2, 3, 4, 5],
        failing: ['build-deploy.1.x'],
      });
      await db.results.saveEvaluations([a, b], monday);

      // Saved without the holding rule: each level held as it is.
      const first = await readHeldLevels(
        knex,
        [
          'component:default/a',
          'component:default/b',
          'component:default/never-evaluated',
        ],
        { checkStates: true },
      );
      expect([...first.keys()].sort()).toEqual([
        'component:default/a',
        'component:default/b',
      ]);
      expect(first.get('component:default/b')).toEqual({
        held: {
          culture: { level: 1, belowDays: 0, lastBelowDay: null },
          design: { level: 2, belowDays: 0, lastBelowDay: null },
          'build-deploy': { level: 3, belowDays: 0, lastBelowDay: null },
          test: { level: 4, belowDays: 0, lastBelowDay: null },
          information: { level: 5, belowDays: 0, lastBelowDay: null },
        },
        checkStates: { 'build-deploy.1.x': 'fail' },
      });

      // Tuesday a's test category dips to 1: held at 3, one day below.
      const tuesday = makeEvaluation('component:default/a', {
        levels: [3, 3, 3, 1, 3],
      });
      tuesday.scorecard.evaluatedAt = '2026-11-24T10:00:00.000Z';
      const held = applyHeldLevels(
        tuesday.scorecard,
        first.get('component:default/a')!.held,
        { dropAfterDays: 3 },
      );
      await db.results.saveEvaluations(
        [{ ...tuesday, scorecard: held.scorecard, held: held.held }],
        new Date('2026-11-24T10:00:00Z'),
      );
      const second = await readHeldLevels(knex, ['component:default/a'], {
        checkStates: false,
      });
      // 2026-11-24 is day 20781 (2026-12-01 is 20788).
      expect(second.get('component:default/a')!.held!.test).toEqual({
        level: 3,
        belowDays: 1,
        lastBelowDay: 20781,
      });
      // Without a listener to level changes the check states are not read.
      expect(second.get('component:default/a')!.checkStates).toBeUndefined();
      // The stored scorecard and the list show the held level and the risk.
      const scorecard = await db.results.getScorecard('component:default/a');
      const test = scorecard!.categories.find(c => c.category === 'test')!;
      expect(test).toMatchObject({
        level: 3,
        rawLevel: 1,
        atRisk: { belowDays: 1, dropsOn: '2026-11-26' },
      });
      const { items } = await db.results.listScorecards({
        orderBy: 'entityRef',
        order: 'asc',
        limit: 1,
        offset: 0,
      });
      expect(items[0].categoryLevels.test).toBe(3);
    },
  );

  it.each(databases.eachSupportedId())(
    'leaves the held state out of scorecards stored before it was kept, %p',
    async databaseId => {
      const { knex, db } = await migratedDatabase(databases, databaseId);
      await db.results.saveEvaluations(
        [makeEvaluation('component:default/a', { levels: [2, 2, 2, 2, 2] })],
        new Date('2026-11-23T10:00:00Z'),
      );
      await knex('scorecards').update({ held_levels: null });
      const previous = await readHeldLevels(knex, ['component:default/a'], {
        checkStates: true,
      });
      expect(previous.get('component:default/a')).toEqual({
        held: undefined,
        checkStates: {},
      });
    },
  );
});
