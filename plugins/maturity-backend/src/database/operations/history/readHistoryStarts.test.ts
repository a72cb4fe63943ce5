import { TestDatabases } from '@backstage/backend-test-utils';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { makeEvaluation } from '../../../testing/makeEvaluation';
import { readHistoryStarts } from './readHistoryStarts';

jest.setTimeout(60_000);

describe('readHistoryStarts', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'gives the first day with history of each entity that has any, %p',
    async databaseId => {
      const {
        knex,
        db: { history },
      } = await migratedDatabase(databases, databaseId);
      const a = makeEvaluation('component:default/a', {
        levels: [1, 1, 1, 1, 1],
      });
      const b = makeEvaluation('component:default/b', {
        levels: [2, 2, 2, 2, 2],
      });
      await history.saveHistory([a, b], new Date('2026-11-20T23:00:00Z'));
      await history.saveHistory([a], new Date('2026-11-03T12:00:00Z'));
      await history.saveHistory([b], new Date('2026-11-22T12:00:00Z'));

      const starts = await readHistoryStarts(knex, [
        'component:default/a',
        'component:default/b',
        'component:default/never',
      ]);
      expect(Object.fromEntries(starts)).toEqual({
        'component:default/a': new Date('2026-11-03T00:00:00Z'),
        'component:default/b': new Date('2026-11-20T00:00:00Z'),
      });
    },
  );
});
