import { TestDatabases } from '@backstage/backend-test-utils';
import { migrateOver, MIGRATIONS_DIRECTORY as directory } from './migrateUpTo';
import { indexesOf } from './__testUtils__/indexesOf';

jest.setTimeout(60_000);

const MIGRATION = '20261207130000_levels_without_waivers.js';

const scorecardRow = (
  entityRef: string,
  overallLevel: number,
  checkStates: Record<string, string>,
) => ({
  entity_ref: entityRef,
  kind: 'component',
  overall_level: overallLevel,
  level_culture: 1,
  level_design: 2,
  level_build_deploy: 3,
  level_test: 4,
  level_information: 5,
  imbalanced: true,
  rubric_version: 'v1',
  evaluated_at: 1,
  document: '{}',
  check_states: JSON.stringify(checkStates),
});

describe('migration 20261207130000_levels_without_waivers', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'fills the levels of scorecards without exempt checks, leaves the others unknown, and back, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await migrateOver(knex, MIGRATION, () =>
        knex('scorecards').insert([
          scorecardRow('component:default/plain', 3, {
            'culture.1.owner-is-group': 'pass',
            'test.2.coverage': 'fail',
          }),
          scorecardRow('component:default/waived', 4, {
            'culture.1.owner-is-group': 'exempt',
          }),
        ]),
      );

      const rows = await knex('scorecards')
        .orderBy('entity_ref')
        .select(
          'entity_ref',
          'overall_level_without_waivers',
          'level_culture_without_waivers',
          'level_design_without_waivers',
          'level_build_deploy_without_waivers',
          'level_test_without_waivers',
          'level_information_without_waivers',
          'waived_check_states',
        );
      const levels = (row: Record<string, unknown>) =>
        [
          row.overall_level_without_waivers,
          row.level_culture_without_waivers,
          row.level_design_without_waivers,
          row.level_build_deploy_without_waivers,
          row.level_test_without_waivers,
          row.level_information_without_waivers,
        ].map(v => (v === null ? null : Number(v)));
      expect(
        rows.map(r => [r.entity_ref, levels(r), r.waived_check_states]),
      ).toEqual([
        // No exempt check: the levels are the levels without waivers.
        ['component:default/plain', [3, 1, 2, 3, 4, 5], '{}'],
        // The state its exemption replaced was never kept: unknown.
        [
          'component:default/waived',
          [null, null, null, null, null, null],
          null,
        ],
      ]);
      expect(await indexesOf(knex, 'scorecards')).toContain(
        'scorecards_level_without_waivers_idx',
      );

      await knex.migrate.down({ directory });
      expect(await indexesOf(knex, 'scorecards')).not.toContain(
        'scorecards_level_without_waivers_idx',
      );
      expect(
        await knex.schema.hasColumn('scorecards', 'waived_check_states'),
      ).toBe(false);
      expect(
        await knex.schema.hasColumn(
          'scorecards',
          'overall_level_without_waivers',
        ),
      ).toBe(false);
      expect(await knex('scorecards').count({ n: '*' })).toEqual([
        { n: databaseId === 'POSTGRES_15' ? '2' : 2 },
      ]);
    },
  );

  it('lets the list filter by level without waivers through the index', async () => {
    const knex = await databases.init('SQLITE_3');
    await knex.migrate.latest({ directory });
    const plan = await knex.raw(
      'explain query plan select entity_ref from scorecards where overall_level_without_waivers >= 3',
    );
    expect(
      plan.map((row: { detail: string }) => row.detail).join('\n'),
    ).toContain('scorecards_level_without_waivers_idx');
  });
});
