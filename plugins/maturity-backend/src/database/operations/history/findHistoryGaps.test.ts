import { TestDatabases } from '@backstage/backend-test-utils';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { DAY_MS } from '../../../durations';
import { makeEvaluation } from '../../../testing/makeEvaluation';
import { findHistoryGaps } from './findHistoryGaps';

jest.setTimeout(60_000);

/** 2026-11-01 in days since 1970-01-01. */
const D = 20758;

describe('findHistoryGaps', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'gives the grid days whose interval lacks a point of some entity, with those entities, %p',
    async databaseId => {
      const {
        knex,
        db: { history },
      } = await migratedDatabase(databases, databaseId);
      const save = (name: string, day: number) =>
        history.saveHistory(
          [
            makeEvaluation(`component:default/${name}`, {
              levels: [1, 1, 1, 1, 1],
            }),
          ],
          new Date(day * DAY_MS),
        );
      await save('a', D + 2);
      await save('a', D + 9);
      await save('a', D + 16);
      await save('b', D + 8);
      // On the grid's end: outside its last interval [D + 14, D + 20).
      await save('b', D + 20);
      // Out of scope.
      await save('c', D + 1);

      const grid = { firstDay: D, endDay: D + 20, intervalDays: 7 };
      const gaps = await findHistoryGaps(
        knex,
        ['component:default/a', 'component:default/b'],
        grid,
      );

      // Grid days D, D + 7 and D + 14; only D + 7 has both.
      expect(Object.fromEntries(gaps)).toEqual({
        [D]: ['component:default/b'],
        [D + 14]: ['component:default/b'],
      });
      await expect(findHistoryGaps(knex, [], grid)).resolves.toEqual(new Map());
    },
  );
});
