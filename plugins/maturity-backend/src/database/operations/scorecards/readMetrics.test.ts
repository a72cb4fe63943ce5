import { TestDatabases } from '@backstage/backend-test-utils';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { records } from '../../__testUtils__/sampleEvaluations';
import { readMetrics } from './readMetrics';

jest.setTimeout(60_000);

describe('readMetrics', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    "reads an entity's latest metrics whole, %p",
    async databaseId => {
      const {
        knex,
        db: { results },
      } = await migratedDatabase(databases, databaseId);
      await results.saveEvaluations(records, new Date('2026-11-23T10:00:00Z'));

      await expect(
        readMetrics(knex, 'component:default/ledger-service'),
      ).resolves.toEqual(records[1].metrics);
      await expect(
        readMetrics(knex, 'component:default/unknown'),
      ).resolves.toBeUndefined();
    },
  );
});
