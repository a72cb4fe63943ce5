import { TestDatabases } from '@backstage/backend-test-utils';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { records } from '../../__testUtils__/sampleEvaluations';
import { RubricCheckDefinitions } from '../../RubricCheckDefinitions';
import { readScorecard } from './readScorecard';

jest.setTimeout(60_000);

describe('readScorecard', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'reads a scorecard whole, its check definitions from the database when not cached, %p',
    async databaseId => {
      const {
        knex,
        db: { results },
      } = await migratedDatabase(databases, databaseId);
      await results.saveEvaluations(records, new Date('2026-11-23T10:00:00Z'));
      // Another replica: nothing cached.
      const definitions = new RubricCheckDefinitions(knex);

      // invoice-generator: two failing checks, stored without their titles.
      await expect(
        readScorecard(knex, definitions, 'component:default/invoice-generator'),
      ).resolves.toEqual(records[2].scorecard);
      await expect(
        readScorecard(knex, definitions, 'component:default/unknown'),
      ).resolves.toBeUndefined();
    },
  );
});
