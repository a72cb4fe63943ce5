import { TestDatabases } from '@backstage/backend-test-utils';
import knexFactory from 'knex';
import { whileHoldingStartLock } from './whileHoldingStartLock';

jest.setTimeout(60_000);

describe('whileHoldingStartLock', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'runs the work and gives back its result or its error, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await expect(whileHoldingStartLock(knex, async () => 42)).resolves.toBe(
        42,
      );
      await expect(
        whileHoldingStartLock(knex, async () => {
          throw new Error('migration failed');
        }),
      ).rejects.toThrow('migration failed');
      // The failed start released the lock: the next one runs.
      await expect(
        whileHoldingStartLock(knex, async () => 'next'),
      ).resolves.toBe('next');
    },
  );

  // SQLite has one writer, and no lock to take.
  const postgres = TestDatabases.create({ ids: ['POSTGRES_15'] });

  it.each(postgres.eachSupportedId())(
    'makes replicas on one PostgreSQL database take turns, %p',
    async databaseId => {
      const knex = await postgres.init(databaseId);
      // A second replica: its own pool on the same database.
      const other = knexFactory({ ...knex.client.config, pool: { max: 3 } });
      try {
        const log: string[] = [];
        let firstStarted!: () => void;
        const started = new Promise<void>(r => (firstStarted = r));
        const first = whileHoldingStartLock(knex, async () => {
          log.push('first starts');
          firstStarted();
          await new Promise(r => setTimeout(r, 500));
          log.push('first ends');
        });
        await started;
        const second = whileHoldingStartLock(other, async () => {
          log.push('second starts');
          log.push('second ends');
        });
        await Promise.all([first, second]);
        expect(log).toEqual([
          'first starts',
          'first ends',
          'second starts',
          'second ends',
        ]);
      } finally {
        await other.destroy();
      }
    },
  );
});
