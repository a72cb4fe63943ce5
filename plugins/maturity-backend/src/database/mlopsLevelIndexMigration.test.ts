import { TestDatabases } from '@backstage/backend-test-utils';
import {
  migrateDownBefore,
  MIGRATIONS_DIRECTORY as directory,
} from './migrateUpTo';
import { indexesOf } from './__testUtils__/indexesOf';

jest.setTimeout(60_000);

const MIGRATION = '20261206140000';

describe(`migration ${MIGRATION}_scorecard_mlops_level_index`, () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it('lets the list filter by MLOps level through the index', async () => {
    const knex = await databases.init('SQLITE_3');
    await knex.migrate.latest({ directory });
    const plan = await knex.raw(
      'explain query plan select entity_ref from scorecards where mlops_level >= 1',
    );
    expect(
      plan.map((row: { detail: string }) => row.detail).join('\n'),
    ).toContain('scorecards_mlops_level_idx');
  });

  it.each(databases.eachSupportedId())(
    'indexes scorecards by MLOps level, and back, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory });
      expect(await indexesOf(knex, 'scorecards')).toContain(
        'scorecards_mlops_level_idx',
      );

      await migrateDownBefore(knex, MIGRATION);
      expect(await indexesOf(knex, 'scorecards')).not.toContain(
        'scorecards_mlops_level_idx',
      );
    },
  );
});
