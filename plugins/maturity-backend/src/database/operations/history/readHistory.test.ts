import { TestDatabases } from '@backstage/backend-test-utils';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { makeEvaluation } from '../../../testing/makeEvaluation';
import { readHistory } from './readHistory';

jest.setTimeout(60_000);

describe('readHistory', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    "gives an entity's points of the days from one to another, both included, oldest first, %p",
    async databaseId => {
      const {
        knex,
        db: { history },
      } = await migratedDatabase(databases, databaseId);
      const save = (
        name: string,
        level: number,
        day: string,
        failing: string[] = [],
      ) =>
        history.saveHistory(
          [
            makeEvaluation(`component:default/${name}`, {
              levels: [level, level, level, level, level],
              failing,
            }),
          ],
          new Date(day),
        );
      await save('a', 1, '2026-11-18T12:00:00Z');
      await save('a', 3, '2026-11-25T06:00:00Z');
      await save('a', 2, '2026-11-20T12:00:00Z', ['test.1.tests']);
      await save('b', 5, '2026-11-22T12:00:00Z');

      const points = await readHistory(
        knex,
        'component:default/a',
        new Date('2026-11-20T15:00:00Z'),
        new Date('2026-11-25T01:00:00Z'),
      );

      expect(points).toEqual([
        expect.objectContaining({
          day: '2026-11-20',
          overallLevel: 2,
          rubricVersion: 'test-1',
          checkStates: { 'test.1.tests': 'fail' },
        }),
        expect.objectContaining({
          day: '2026-11-25',
          overallLevel: 3,
          checkStates: {},
        }),
      ]);
    },
  );
});
