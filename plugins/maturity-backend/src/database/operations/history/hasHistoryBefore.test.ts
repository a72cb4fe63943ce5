import { TestDatabases } from '@backstage/backend-test-utils';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { makeEvaluation } from '../../../testing/makeEvaluation';
import { hasHistoryBefore } from './hasHistoryBefore';

jest.setTimeout(60_000);

describe('hasHistoryBefore', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'tells whether any point lies before the UTC day, %p',
    async databaseId => {
      const {
        knex,
        db: { history },
      } = await migratedDatabase(databases, databaseId);
      await expect(
        hasHistoryBefore(knex, new Date('2026-11-21T00:00:00Z')),
      ).resolves.toBe(false);
      await history.saveHistory(
        [makeEvaluation('component:default/a', { levels: [1, 1, 1, 1, 1] })],
        new Date('2026-11-20T23:00:00Z'),
      );
      // The point's own day is not before it, at any hour.
      await expect(
        hasHistoryBefore(knex, new Date('2026-11-20T23:59:59Z')),
      ).resolves.toBe(false);
      await expect(
        hasHistoryBefore(knex, new Date('2026-11-21T00:00:00Z')),
      ).resolves.toBe(true);
    },
  );
});
