import { TestDatabases } from '@backstage/backend-test-utils';
import { selectBatchRows } from './selectBatchRows';
import { toFlag, toOptionalNumber } from './sqlValues';

jest.setTimeout(60_000);

describe('selectBatchRows', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'returns the rows keyed by column, in the asked order, whatever the engine, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.schema.createTable('runs', table => {
        table.bigIncrements('id');
        table.string('entity_ref').notNullable();
        table.string('trigger');
        table.boolean('passed');
        table.bigInteger('started_at').notNullable();
        table.text('steps');
      });
      await knex('runs').insert([
        {
          entity_ref: 'component:default/b',
          trigger: 'push',
          passed: true,
          started_at: 1795435200000,
          steps: '["unit-test"]',
        },
        {
          entity_ref: 'component:default/a',
          trigger: null,
          passed: false,
          started_at: 1795435100000,
          steps: null,
        },
        {
          entity_ref: 'component:default/c',
          trigger: 'push',
          passed: null,
          started_at: 1,
          steps: 'it\'s "quoted"',
        },
      ]);

      // Values as the read functions take them apart.
      const rows = await selectBatchRows(
        knex,
        {
          sql: `select entity_ref, trigger, passed, started_at, steps
              from runs where entity_ref in (:refs)`,
          bindings: {
            refs: knex.raw('?, ?', [
              'component:default/a',
              'component:default/b',
            ]),
          },
          columns: ['entity_ref', 'trigger', 'passed', 'started_at', 'steps'],
          orderBy: 'started_at desc',
        },
        row => ({
          ...row,
          passed: toFlag(row.passed),
          started_at: toOptionalNumber(row.started_at),
        }),
      );
      expect(rows).toEqual([
        {
          entity_ref: 'component:default/b',
          trigger: 'push',
          passed: true,
          started_at: 1795435200000,
          steps: '["unit-test"]',
        },
        {
          entity_ref: 'component:default/a',
          trigger: null,
          passed: false,
          started_at: 1795435100000,
          steps: null,
        },
      ]);

      await expect(
        selectBatchRows(
          knex,
          {
            sql: 'select entity_ref from runs where started_at < 0',
            bindings: {},
            columns: ['entity_ref'],
          },
          row => ({ ...row }),
        ),
      ).resolves.toEqual([]);
    },
  );
});
