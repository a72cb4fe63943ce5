import { TestDatabases } from '@backstage/backend-test-utils';
import {
  migrateDownBefore,
  MIGRATIONS_DIRECTORY as directory,
} from './migrateUpTo';
import { indexesOf } from './__testUtils__/indexesOf';
import { migratedDatabase } from './__testUtils__/migratedDatabase';
import { deployment, sha } from '../testing/testEvents';

jest.setTimeout(60_000);

const MIGRATION = '20261209100000';

describe(`migration ${MIGRATION}_deployment_commit_sha_index`, () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it('finds the deployments of a batch that shipped named commits by SHA', async () => {
    const { knex, db } = await migratedDatabase(databases, 'POSTGRES_15');
    const entities = Array.from(
      { length: 200 },
      (_, i) => `component:default/service-${i}`,
    );
    await db.events.ingest(
      entities.flatMap(entityRef =>
        Array.from({ length: 10 }, (_, day) =>
          deployment(
            entityRef,
            `${entityRef}:${day}`,
            'production',
            `03-${String(day + 1).padStart(2, '0')} 10:00`,
            `03-${String(day + 1).padStart(2, '0')} 10:05`,
            {
              commitSha: sha(`${entityRef}:${day}`),
              commitShas: [sha(`${entityRef}:${day}:a`)],
            },
          ),
        ),
      ),
    );
    await knex.raw('analyze deployment_commits');
    // readDeployments' lookup of the SHAs incidents name, on its own.
    const { rows } = await knex.raw(
      `explain select dc.deployment_id from deployment_commits dc
       where dc.entity_ref in (${entities.map(() => '?').join(', ')})
         and dc.sha in (?, ?)`,
      [...entities, sha(`${entities[3]}:2`), sha(`${entities[7]}:4:a`)],
    );
    expect(
      rows.map((row: { 'QUERY PLAN': string }) => row['QUERY PLAN']).join('\n'),
    ).toContain('deployment_commits_sha_idx');
  });

  it.each(databases.eachSupportedId())(
    'indexes deployment commits by SHA, and back, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory });
      expect(await indexesOf(knex, 'deployment_commits')).toContain(
        'deployment_commits_sha_idx',
      );

      await migrateDownBefore(knex, MIGRATION);
      expect(await indexesOf(knex, 'deployment_commits')).not.toContain(
        'deployment_commits_sha_idx',
      );
    },
  );
});
