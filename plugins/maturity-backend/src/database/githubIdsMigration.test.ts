import { TestDatabases } from '@backstage/backend-test-utils';
import { migrateOver } from './migrateUpTo';

jest.setTimeout(60_000);

const MIGRATION = '20261204150000_github_ids_per_entity.js';

describe('migration 20261204150000_github_ids_per_entity', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'gives stored GitHub events ids per entity, dropping old copies, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const build = (
        source: string,
        externalId: string,
        entityRef: string,
      ) => ({
        source,
        external_id: externalId,
        entity_ref: entityRef,
        occurred_at: 1,
        version: 1,
        content_hash: 'h',
        ingested_at: 1,
        status: 'success',
        started_at: 1,
      });
      await migrateOver(knex, MIGRATION, () =>
        knex('builds').insert([
          // A repository with one entity: renamed.
          build('github', '101', 'component:default/a'),
          // Shared later: the old copy goes, the per-entity ones stay.
          build('github', '202', 'component:default/b'),
          build('github', '202 component:default/b', 'component:default/b'),
          build('github', '202 component:default/c', 'component:default/c'),
          // Other sources keep their ids.
          build('jenkins', '303', 'component:default/a'),
        ]),
      );

      const rows = await knex('builds')
        .orderBy('external_id')
        .select('source', 'external_id');
      expect(rows).toEqual([
        { source: 'github', external_id: '101 component:default/a' },
        { source: 'github', external_id: '202 component:default/b' },
        { source: 'github', external_id: '202 component:default/c' },
        { source: 'jenkins', external_id: '303' },
      ]);
    },
  );
});
