import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import knexFactory, { Knex } from 'knex';
import { maturityPlugin } from '../plugin';

jest.setTimeout(180_000);

const REPLICAS = 4;

describe('the plugin on replicas that start together', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'starts on every replica on one empty database, with Backstage’s scheduler, each migration once, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      // Each replica: its own backend and its own pool on the one database.
      const clients: Knex[] = Array.from({ length: REPLICAS }, () =>
        knexFactory({ ...knex.client.config, pool: { min: 0, max: 5 } }),
      );
      const started = await Promise.allSettled(
        clients.map(client =>
          startTestBackend({
            features: [
              maturityPlugin,
              catalogServiceMock.factory({ entities: [] }),
              mockServices.database.factory({ knex: client }),
              schedulerServiceFactory,
            ],
          }),
        ),
      );
      try {
        expect(
          started.flatMap(outcome =>
            outcome.status === 'rejected' ? [String(outcome.reason)] : [],
          ),
        ).toEqual([]);
        const pluginMigrations = await knex('knex_migrations').pluck('name');
        expect(pluginMigrations.length).toBeGreaterThan(0);
        expect(new Set(pluginMigrations).size).toBe(pluginMigrations.length);
        const schedulerMigrations = await knex(
          'backstage_backend_tasks__knex_migrations',
        ).pluck('name');
        expect(schedulerMigrations.length).toBeGreaterThan(0);
        expect(new Set(schedulerMigrations).size).toBe(
          schedulerMigrations.length,
        );
        // The plugin's global tasks are registered, once each.
        const tasks = await knex('backstage_backend_tasks__tasks').pluck('id');
        expect(tasks).toContain('maturity-evaluate-changed');
        expect(new Set(tasks).size).toBe(tasks.length);
      } finally {
        await Promise.all(
          started.map(outcome =>
            outcome.status === 'fulfilled' ? outcome.value.stop() : undefined,
          ),
        );
        await Promise.all(clients.map(client => client.destroy()));
      }
    },
  );
});
