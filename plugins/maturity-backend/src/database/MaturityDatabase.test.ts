import fs from 'node:fs';
import { TestDatabases } from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';
import { MaturityDatabase } from './MaturityDatabase';
import { MIGRATIONS_DIRECTORY } from './migrateUpTo';

jest.setTimeout(120_000);

const REPLICAS = 6;

describe('MaturityDatabase', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'starts any number of replicas at once on one empty database, migrating once, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      // Each replica has its own client (its own pool), as separate
      // backend processes do.
      const replicas: Knex[] = Array.from({ length: REPLICAS }, () =>
        knexFactory({ ...knex.client.config, pool: { min: 0, max: 3 } }),
      );
      let running = 0;
      let mostAtOnce = 0;
      try {
        const started = await Promise.allSettled(
          replicas.map(client =>
            MaturityDatabase.create({
              database: { getClient: async () => client },
              whileStarting: async () => {
                running += 1;
                mostAtOnce = Math.max(mostAtOnce, running);
                await new Promise(resolve => setTimeout(resolve, 20));
                running -= 1;
              },
            }),
          ),
        );
        expect(
          started
            .filter(result => result.status === 'rejected')
            .map(result => String((result as PromiseRejectedResult).reason)),
        ).toEqual([]);
        // The start-up work after the migrations ran one replica at a time.
        expect(mostAtOnce).toBe(1);

        const files = fs
          .readdirSync(MIGRATIONS_DIRECTORY)
          .filter(file => file.endsWith('.js'))
          .sort();
        const applied = await knex('knex_migrations')
          .orderBy('id')
          .pluck('name');
        expect(applied).toEqual(files);
        await expect(
          knex('knex_migrations_lock').select('is_locked'),
        ).resolves.toEqual([{ is_locked: 0 }]);
      } finally {
        await Promise.all(replicas.map(client => client.destroy()));
      }
    },
  );
});
