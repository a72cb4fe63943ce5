import { TestDatabases } from '@backstage/backend-test-utils';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { makeEvaluation } from '../../../testing/makeEvaluation';
import { toHistoryPoint, upsertHistory } from './upsertHistory';

jest.setTimeout(60_000);

/** 2026-11-20 in days since 1970-01-01. */
const DAY = 20777;
const WRITTEN = new Date('2026-11-20T10:00:00Z');

describe('upsertHistory', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    "keeps one point per entity and day, the day's latest, %p",
    async databaseId => {
      const { knex } = await migratedDatabase(databases, databaseId);
      const point = (name: string, level: number, checkStates: string) => ({
        ...toHistoryPoint(
          makeEvaluation(`component:default/${name}`, {
            levels: [level, level, level, level, level],
          }),
        ),
        checkStates,
      });

      await upsertHistory(
        knex,
        [point('a', 2, '{"test.1.tests":"fail"}')],
        DAY,
        WRITTEN,
      );
      await upsertHistory(
        knex,
        [point('a', 3, '{"test.1.tests":"pass"}'), point('b', 1, '{}')],
        DAY,
        WRITTEN,
      );
      await upsertHistory(knex, [point('a', 4, '{}')], DAY + 1, WRITTEN);

      const rows = await knex('scorecard_history')
        .orderBy(['entity_ref', 'day'])
        .select('entity_ref', 'day', 'overall_level', 'check_states');
      expect(
        rows.map(row => ({
          ...row,
          day: Number(row.day),
          overall_level: Number(row.overall_level),
        })),
      ).toEqual([
        {
          entity_ref: 'component:default/a',
          day: DAY,
          overall_level: 3,
          check_states: '{"test.1.tests":"pass"}',
        },
        {
          entity_ref: 'component:default/a',
          day: DAY + 1,
          overall_level: 4,
          check_states: '{}',
        },
        {
          entity_ref: 'component:default/b',
          day: DAY,
          overall_level: 1,
          check_states: '{}',
        },
      ]);
    },
  );
  it.each(databases.eachSupportedId())(
    'keeps the MLOps level and the levels without waivers with each point, null when absent, %p',
    async databaseId => {
      const { knex } = await migratedDatabase(databases, databaseId);
      const ml = makeEvaluation('component:default/ranking-model', {
        levels: [3, 3, 3, 3, 3],
        withoutWaivers: [3, 3, 2, 3, 3],
        waived: { 'design.2.api-spec': 'fail' },
      });
      ml.scorecard.mlops = { level: 2 };
      const older = makeEvaluation('component:default/web', {
        levels: [2, 2, 2, 2, 2],
      });
      await upsertHistory(
        knex,
        [ml, older].map(record => ({
          ...toHistoryPoint(record),
          checkStates: '{}',
        })),
        DAY,
        WRITTEN,
      );

      const rows = await knex('scorecard_history')
        .orderBy('entity_ref')
        .select(
          'entity_ref',
          'mlops_level',
          'overall_level_without_waivers',
          'level_build_deploy_without_waivers',
          'waived_check_states',
        );
      expect(
        rows.map(row => ({
          ...row,
          mlops_level:
            row.mlops_level === null ? null : Number(row.mlops_level),
          overall_level_without_waivers:
            row.overall_level_without_waivers === null
              ? null
              : Number(row.overall_level_without_waivers),
          level_build_deploy_without_waivers:
            row.level_build_deploy_without_waivers === null
              ? null
              : Number(row.level_build_deploy_without_waivers),
        })),
      ).toEqual([
        {
          entity_ref: 'component:default/ranking-model',
          mlops_level: 2,
          overall_level_without_waivers: 3,
          level_build_deploy_without_waivers: 2,
          waived_check_states: '{"design.2.api-spec":"fail"}',
        },
        {
          entity_ref: 'component:default/web',
          mlops_level: null,
          overall_level_without_waivers: null,
          level_build_deploy_without_waivers: null,
          waived_check_states: null,
        },
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'records when each point was last written, %p',
    async databaseId => {
      const { knex } = await migratedDatabase(databases, databaseId);
      const point = (name: string) => ({
        ...toHistoryPoint(
          makeEvaluation(`component:default/${name}`, {
            levels: [1, 1, 1, 1, 1],
          }),
        ),
        checkStates: '{}',
      });
      const later = new Date(WRITTEN.getTime() + 3_600_000);

      await upsertHistory(knex, [point('a'), point('b')], DAY, WRITTEN);
      await upsertHistory(knex, [point('a')], DAY, later);

      const rows = await knex('scorecard_history')
        .orderBy('entity_ref')
        .select('entity_ref', 'written_at');
      expect(rows.map(row => [row.entity_ref, Number(row.written_at)])).toEqual(
        [
          ['component:default/a', later.getTime()],
          ['component:default/b', WRITTEN.getTime()],
        ],
      );
    },
  );
});
