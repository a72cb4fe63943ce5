import { TestDatabases } from '@backstage/backend-test-utils';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { records } from '../../__testUtils__/sampleEvaluations';
import { deleteGoneEvaluations } from './deleteGoneEvaluations';

jest.setTimeout(60_000);

const CHECKOUT = 'component:default/checkout-api';
const LEDGER = 'component:default/ledger-service';
const INVOICE = 'component:default/invoice-generator';

const refsOf = async (query: Promise<Array<{ entity_ref: string }>>) =>
  (await query).map(row => row.entity_ref);

describe('deleteGoneEvaluations', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'removes the results of entities gone that were not evaluated since, %p',
    async databaseId => {
      const {
        knex,
        db: { results, evaluationQueue },
      } = await migratedDatabase(databases, databaseId);
      await results.saveEvaluations(records, new Date('2026-11-22T10:00:00Z'));
      // The ledger service was evaluated again after the catalog was read:
      // it is back.
      const before = new Date('2026-11-23T10:00:00Z');
      await results.saveEvaluations(
        [records[1]],
        new Date('2026-11-23T10:05:00Z'),
      );
      await evaluationQueue.enqueueEvaluation([CHECKOUT, INVOICE], before);

      // The catalog as read: only checkout-api is there.
      await expect(
        deleteGoneEvaluations(knex, ref => ref !== CHECKOUT, before),
      ).resolves.toBe(1);

      for (const table of ['scorecards', 'entity_metrics']) {
        await expect(
          refsOf(knex(table).orderBy('entity_ref').select('entity_ref')),
        ).resolves.toEqual([CHECKOUT, LEDGER]);
      }
      await expect(
        refsOf(knex('evaluation_queue').select('entity_ref')),
      ).resolves.toEqual([CHECKOUT]);
    },
  );
});
