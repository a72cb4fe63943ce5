import { TestDatabases } from '@backstage/backend-test-utils';
import {
  migrateDownBefore,
  MIGRATIONS_DIRECTORY as directory,
} from './migrateUpTo';
import { indexesOf } from './__testUtils__/indexesOf';

jest.setTimeout(60_000);

const MIGRATION = '20261207163100';

describe(`migration ${MIGRATION}_deployment_shared_commit_index`, () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it('finds the deploys of a commit across entities through the index', async () => {
    const knex = await databases.init('SQLITE_3');
    await knex.migrate.latest({ directory });
    const plan = await knex.raw(
      `explain query plan select 1 from deployments
       where commit_sha = 'abc' and started_at >= 1 and started_at <= 2
         and entity_ref <> 'component:default/shop'`,
    );
    expect(
      plan.map((row: { detail: string }) => row.detail).join('\n'),
    ).toContain('deployments_commit_time_idx');
  });

  it.each(databases.eachSupportedId())(
    'indexes deployments by commit and start, and back, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory });
      expect(await indexesOf(knex, 'deployments')).toContain(
        'deployments_commit_time_idx',
      );

      await migrateDownBefore(knex, MIGRATION);
      expect(await indexesOf(knex, 'deployments')).not.toContain(
        'deployments_commit_time_idx',
      );
    },
  );
});
