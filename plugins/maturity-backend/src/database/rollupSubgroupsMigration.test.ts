import { TestDatabases } from '@backstage/backend-test-utils';
import { migrateOver, MIGRATIONS_DIRECTORY as directory } from './migrateUpTo';

jest.setTimeout(60_000);

const MIGRATION = '20261208150000_rollup_subgroups.js';
const ENGINEERING = 'group:default/engineering';
const CHECKOUT = 'group:default/checkout';

describe('migration 20261208150000_rollup_subgroups', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'fills the group tree from the stored group rollups, and back, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const row = (scopeRef: string, scopeKind: string, document: object) => ({
        scope_ref: scopeRef,
        scope_kind: scopeKind,
        entity_count: 1,
        computed_at: 1,
        document: JSON.stringify({ scopeRef, ...document }),
      });
      await migrateOver(knex, MIGRATION, () =>
        knex('rollups').insert([
          row('org', 'org', {}),
          row(ENGINEERING, 'group', { groupRefs: [ENGINEERING, CHECKOUT] }),
          row(CHECKOUT, 'group', {}),
          row('system:default/shop', 'system', { groupRefs: ['x'] }),
        ]),
      );

      const rows = await knex('rollup_subgroups')
        .orderBy(['group_ref', 'subgroup_ref'])
        .select('group_ref', 'subgroup_ref');
      expect(rows.map(r => [r.group_ref, r.subgroup_ref])).toEqual([
        [CHECKOUT, CHECKOUT],
        [ENGINEERING, CHECKOUT],
        [ENGINEERING, ENGINEERING],
      ]);

      await knex.migrate.down({ directory });
      await expect(knex.schema.hasTable('rollup_subgroups')).resolves.toBe(
        false,
      );
    },
  );
});
