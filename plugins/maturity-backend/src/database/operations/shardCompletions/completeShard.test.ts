import { TestDatabases } from '@backstage/backend-test-utils';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { completeShard } from './completeShard';

jest.setTimeout(60_000);

const T = Date.parse('2026-11-23T10:00:00Z');
const at = (minutes: number) => new Date(T + minutes * 60_000);

describe('completeShard', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'completes a cadence once every shard completed since the last, %p',
    async databaseId => {
      const { knex } = await migratedDatabase(databases, databaseId);
      // The first cadence: the third of three shards completes it.
      await expect(completeShard(knex, 0, 3, at(1))).resolves.toBe(false);
      await expect(completeShard(knex, 1, 3, at(2))).resolves.toBe(false);
      await expect(completeShard(knex, 2, 3, at(3))).resolves.toBe(true);
      // Shard 0 again: shards 1 and 2 last completed before the cadence.
      await expect(completeShard(knex, 0, 3, at(4))).resolves.toBe(false);
      await expect(completeShard(knex, 2, 3, at(5))).resolves.toBe(false);
      await expect(completeShard(knex, 1, 3, at(6))).resolves.toBe(true);
      // A repeat of the shard that ended it ends nothing.
      await expect(completeShard(knex, 1, 3, at(7))).resolves.toBe(false);
    },
  );

  it.each(databases.eachSupportedId())(
    'starts afresh when the shard count changes, %p',
    async databaseId => {
      const { knex } = await migratedDatabase(databases, databaseId);
      await completeShard(knex, 0, 3, at(1));
      await completeShard(knex, 1, 3, at(2));
      await expect(completeShard(knex, 2, 3, at(3))).resolves.toBe(true);
      // Two shards now: shard 1's completion of three does not count.
      await expect(completeShard(knex, 0, 2, at(4))).resolves.toBe(false);
      await expect(completeShard(knex, 1, 2, at(5))).resolves.toBe(true);
      await expect(completeShard(knex, 0, 2, at(6))).resolves.toBe(false);
    },
  );
});
