import { TestDatabases } from '@backstage/backend-test-utils';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { readRubricChecks } from './readRubricChecks';

jest.setTimeout(60_000);

describe('readRubricChecks', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    "reads one version's stored definitions by check id, %p",
    async databaseId => {
      const { knex } = await migratedDatabase(databases, databaseId);
      await knex('rubric_checks').insert([
        {
          rubric_version: 'v1',
          check_id: 'test.1.tests',
          definition: '{"title":"Tests run","level":1}',
        },
        {
          rubric_version: 'v2',
          check_id: 'test.1.tests',
          definition: '{"title":"Tests pass","level":1}',
        },
      ]);

      await expect(readRubricChecks(knex, 'v2')).resolves.toEqual(
        new Map([['test.1.tests', { title: 'Tests pass', level: 1 }]]),
      );
      await expect(readRubricChecks(knex, 'v9')).resolves.toEqual(new Map());
    },
  );
});
