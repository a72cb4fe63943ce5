import { TestDatabases } from '@backstage/backend-test-utils';
import { migrateOver } from './migrateUpTo';

jest.setTimeout(60_000);

const MIGRATION = '20261204160000_pagerduty_ids_per_entity.js';

describe('migration 20261204160000_pagerduty_ids_per_entity', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'gives stored PagerDuty incidents ids per entity, dropping old copies, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const incident = (
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
        status: 'resolved',
        urgency: 'high',
        triggered_at: 1,
      });
      const long = `component:default/${'x'.repeat(237)}`;
      await migrateOver(knex, MIGRATION, () =>
        knex('incidents').insert([
          // A service with one entity: renamed.
          incident('pagerduty', 'Q0RIJJZL24RC6W', 'component:default/a'),
          // Shared later: the old copy goes, the per-entity ones stay.
          incident('pagerduty', 'Q1ZKQX2YB6A3GJ', 'component:default/b'),
          incident(
            'pagerduty',
            'Q1ZKQX2YB6A3GJ:component:default/b',
            'component:default/b',
          ),
          incident(
            'pagerduty',
            'Q1ZKQX2YB6A3GJ:component:default/c',
            'component:default/c',
          ),
          // Too long once renamed (14 + 1 + 255 characters): left as it is.
          incident('pagerduty', 'Q3SYOO2T5U9HWN', long),
          // Other sources keep their ids.
          incident('opsgenie', 'Q0RIJJZL24RC6W', 'component:default/a'),
        ]),
      );

      const rows = await knex('incidents')
        .orderBy(['source', 'external_id'])
        .select('source', 'external_id', 'entity_ref');
      expect(rows).toEqual([
        {
          source: 'opsgenie',
          external_id: 'Q0RIJJZL24RC6W',
          entity_ref: 'component:default/a',
        },
        {
          source: 'pagerduty',
          external_id: 'Q0RIJJZL24RC6W:component:default/a',
          entity_ref: 'component:default/a',
        },
        {
          source: 'pagerduty',
          external_id: 'Q1ZKQX2YB6A3GJ:component:default/b',
          entity_ref: 'component:default/b',
        },
        {
          source: 'pagerduty',
          external_id: 'Q1ZKQX2YB6A3GJ:component:default/c',
          entity_ref: 'component:default/c',
        },
        {
          source: 'pagerduty',
          external_id: 'Q3SYOO2T5U9HWN',
          entity_ref: long,
        },
      ]);
    },
  );
});
