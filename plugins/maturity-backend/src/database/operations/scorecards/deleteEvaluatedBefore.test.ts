import { TestDatabases } from '@backstage/backend-test-utils';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { records } from '../../__testUtils__/sampleEvaluations';
import { deleteEvaluatedBefore } from './deleteEvaluatedBefore';

jest.setTimeout(60_000);

const refsOf = async (query: Promise<Array<{ entity_ref: string }>>) =>
  (await query).map(row => row.entity_ref);

describe('deleteEvaluatedBefore', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'removes the scorecard, metrics and queued evaluation of entities not evaluated since, keeping their history, %p',
    async databaseId => {
      const {
        knex,
        db: { results, evaluationQueue },
      } = await migratedDatabase(databases, databaseId);
      // checkout-api, ledger-service and invoice-generator on the 22nd;
      // the first two again on the 23rd.
      await results.saveEvaluations(records, new Date('2026-11-22T10:00:00Z'));
      const run = new Date('2026-11-23T10:00:00Z');
      await results.saveEvaluations(records.slice(0, 2), run);
      await evaluationQueue.enqueueEvaluation(
        [
          'component:default/checkout-api',
          'component:default/invoice-generator',
        ],
        run,
      );

      await expect(deleteEvaluatedBefore(knex, run)).resolves.toBe(1);

      const kept = [
        'component:default/checkout-api',
        'component:default/ledger-service',
      ];
      for (const table of ['scorecards', 'entity_metrics']) {
        await expect(
          refsOf(knex(table).orderBy('entity_ref').select('entity_ref')),
        ).resolves.toEqual(kept);
      }
      await expect(
        refsOf(knex('evaluation_queue').select('entity_ref')),
      ).resolves.toEqual(['component:default/checkout-api']);
      await expect(
        refsOf(
          knex('scorecard_history')
            .distinct('entity_ref')
            .orderBy('entity_ref'),
        ),
      ).resolves.toEqual([
        'component:default/checkout-api',
        'component:default/invoice-generator',
        'component:default/ledger-service',
      ]);
    },
  );
});
