import { TestDatabases } from '@backstage/backend-test-utils';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { makeEvaluation } from '../../../testing/makeEvaluation';
import { readHistoryAsOf } from './readHistoryAsOf';

jest.setTimeout(60_000);

describe('readHistoryAsOf', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    "gives the entity's point of the day, else its latest before, %p",
    async databaseId => {
      const {
        knex,
        db: { history },
      } = await migratedDatabase(databases, databaseId);
      const save = (name: string, level: number, day: string) =>
        history.saveHistory(
          [
            makeEvaluation(`component:default/${name}`, {
              levels: [level, level, level, level, level],
            }),
          ],
          new Date(day),
        );
      await save('a', 1, '2026-11-18T12:00:00Z');
      await save('a', 3, '2026-11-20T12:00:00Z');
      // Another entity's point between them.
      await save('b', 5, '2026-11-19T12:00:00Z');
      const asOf = (day: string) =>
        readHistoryAsOf(knex, 'component:default/a', new Date(day));

      await expect(asOf('2026-11-20T00:00:00Z')).resolves.toMatchObject({
        day: '2026-11-20',
        overallLevel: 3,
      });
      await expect(asOf('2026-11-19T23:00:00Z')).resolves.toMatchObject({
        day: '2026-11-18',
        overallLevel: 1,
      });
      await expect(asOf('2026-11-17T23:00:00Z')).resolves.toBeUndefined();
    },
  );
});
