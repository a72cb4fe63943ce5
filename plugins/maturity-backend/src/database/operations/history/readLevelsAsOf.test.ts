import { TestDatabases } from '@backstage/backend-test-utils';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { makeEvaluation } from '../../../testing/makeEvaluation';
import { readLevelsAsOf } from './readLevelsAsOf';

jest.setTimeout(60_000);

describe('readLevelsAsOf', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    "gives each entity's overall level of its latest point on or before the day, %p",
    async databaseId => {
      const {
        knex,
        db: { history },
      } = await migratedDatabase(databases, databaseId);
      const evaluation = (
        name: string,
        levels: [number, number, number, number, number],
      ) => makeEvaluation(`component:default/${name}`, { levels });
      // Overall: the median category level, 1 (its first category is 5).
      await history.saveHistory(
        [evaluation('a', [5, 1, 0, 1, 4])],
        new Date('2026-11-03T12:00:00Z'),
      );
      await history.saveHistory(
        [evaluation('a', [3, 3, 3, 3, 3]), evaluation('c', [5, 5, 5, 5, 5])],
        new Date('2026-11-20T12:00:00Z'),
      );
      await history.saveHistory(
        [evaluation('b', [2, 2, 2, 2, 2])],
        new Date('2026-11-10T12:00:00Z'),
      );
      // On the day itself, late: still that day's point.
      await history.saveHistory(
        [evaluation('b', [4, 4, 4, 4, 4])],
        new Date('2026-11-15T23:00:00Z'),
      );

      const levels = await readLevelsAsOf(
        knex,
        new Date('2026-11-15T08:00:00Z'),
      );

      // a: its 11-03 point; b: its 11-15 point; c: no point yet.
      expect(Object.fromEntries(levels)).toEqual({
        'component:default/a': 1,
        'component:default/b': 4,
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'gives the raw overall level, which live and backfilled points both have, %p',
    async databaseId => {
      const {
        knex,
        db: { history },
      } = await migratedDatabase(databases, databaseId);
      // A live point holds 4 while its checks give 2; a backfilled point
      // has its raw level only.
      const live = makeEvaluation('component:default/live', {
        levels: [4, 4, 4, 4, 4],
      });
      live.scorecard.rawOverallLevel = 2;
      await history.saveHistory([live], new Date('2026-11-10T12:00:00Z'));
      await history.saveHistory(
        [
          makeEvaluation('component:default/backfilled', {
            levels: [3, 3, 3, 3, 3],
          }),
        ],
        new Date('2026-11-10T12:00:00Z'),
      );

      const levels = await readLevelsAsOf(
        knex,
        new Date('2026-11-10T23:00:00Z'),
      );
      expect(Object.fromEntries(levels)).toEqual({
        'component:default/live': 2,
        'component:default/backfilled': 3,
      });
    },
  );
});
