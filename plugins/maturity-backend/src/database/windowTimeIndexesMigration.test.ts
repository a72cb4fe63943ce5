import { TestDatabases } from '@backstage/backend-test-utils';
import {
  migrateDownBefore,
  MIGRATIONS_DIRECTORY as directory,
} from './migrateUpTo';
import { indexesOf } from './__testUtils__/indexesOf';

jest.setTimeout(60_000);

const MIGRATION = '20261206120000';

describe(`migration ${MIGRATION}_window_time_indexes`, () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it('lets a window read find its deployments through the running-time index', async () => {
    // The index is on the very expression the window reads filter on.
    const knex = await databases.init('SQLITE_3');
    await knex.migrate.latest({ directory });
    const plan = await knex.raw(
      `explain query plan select id from deployments d
       where d.entity_ref in ('component:default/a', 'component:default/b')
         and coalesce(d.finished_at, d.started_at) >= 1 and coalesce(d.finished_at, d.started_at) < 2`,
    );
    expect(
      plan.map((row: { detail: string }) => row.detail).join('\n'),
    ).toContain('deployments_entity_deployed_idx');
  });

  it.each(databases.eachSupportedId())(
    'indexes deployments by running time and incidents by resolution, and back, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory });
      expect(await indexesOf(knex, 'deployments')).toContain(
        'deployments_entity_deployed_idx',
      );
      expect(await indexesOf(knex, 'incidents')).toContain(
        'incidents_entity_resolved_idx',
      );

      await migrateDownBefore(knex, MIGRATION);
      expect(await indexesOf(knex, 'deployments')).not.toContain(
        'deployments_entity_deployed_idx',
      );
      expect(await indexesOf(knex, 'incidents')).not.toContain(
        'incidents_entity_resolved_idx',
      );
    },
  );
});
