import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { EvaluationRecord, ListScorecardsOptions } from '../../ScorecardStore';
import { records } from '../../__testUtils__/sampleEvaluations';
import { makeEvaluation } from '../../../testing/makeEvaluation';
import { listScorecards } from './listScorecards';

jest.setTimeout(60_000);

/** An evaluation with an MLOps level (an ML entity), or none. */
function evaluation(
  name: string,
  overall: number,
  mlopsLevel?: 0 | 1 | 2,
): EvaluationRecord {
  const record = makeEvaluation(`component:default/${name}`, {
    levels: [overall, overall, overall, overall, overall],
  });
  if (mlopsLevel === undefined) return record;
  return {
    ...record,
    subject: { ...record.subject, type: 'ml-pipeline' },
    scorecard: { ...record.scorecard, mlops: { level: mlopsLevel } },
  };
}

describe('listScorecards', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'filters by MLOps level range and orders by it, entities without one last, %p',
    async databaseId => {
      const {
        knex,
        db: { results },
      } = await migratedDatabase(databases, databaseId);
      await results.saveEvaluations(
        [
          evaluation('api', 4),
          evaluation('churn-training', 2, 0),
          evaluation('ranking-model', 3, 2),
          evaluation('feature-pipeline', 2, 1),
          evaluation('scoring-model', 1, 2),
          evaluation('web', 1),
        ],
        new Date('2026-11-23T10:00:00Z'),
      );
      const list = async (options: Partial<ListScorecardsOptions>) => {
        const page = await listScorecards(knex, {
          orderBy: 'entityRef',
          order: 'asc',
          limit: 10,
          offset: 0,
          ...options,
        });
        return {
          totalCount: page.totalCount,
          rows: page.items.map(i => `${i.entityRef.slice(18)}:${i.mlopsLevel}`),
        };
      };

      // Each row carries its MLOps level, null for the others.
      await expect(list({})).resolves.toEqual({
        totalCount: 6,
        rows: [
          'api:null',
          'churn-training:0',
          'feature-pipeline:1',
          'ranking-model:2',
          'scoring-model:2',
          'web:null',
        ],
      });
      // Level 0 is a level: every ML entity, none of the others.
      await expect(list({ minMlopsLevel: 0 })).resolves.toEqual({
        totalCount: 4,
        rows: [
          'churn-training:0',
          'feature-pipeline:1',
          'ranking-model:2',
          'scoring-model:2',
        ],
      });
      await expect(
        list({ minMlopsLevel: 1, maxMlopsLevel: 1 }),
      ).resolves.toEqual({ totalCount: 1, rows: ['feature-pipeline:1'] });
      await expect(list({ maxMlopsLevel: 1 })).resolves.toEqual({
        totalCount: 2,
        rows: ['churn-training:0', 'feature-pipeline:1'],
      });
      await expect(list({ minMlopsLevel: 2, minLevel: 2 })).resolves.toEqual({
        totalCount: 1,
        rows: ['ranking-model:2'],
      });

      // Entity ref breaks ties; entities without a level come last either way.
      await expect(
        list({ orderBy: 'mlopsLevel', order: 'desc' }),
      ).resolves.toMatchObject({
        rows: [
          'ranking-model:2',
          'scoring-model:2',
          'feature-pipeline:1',
          'churn-training:0',
          'api:null',
          'web:null',
        ],
      });
      await expect(
        list({ orderBy: 'mlopsLevel', order: 'asc' }),
      ).resolves.toMatchObject({
        rows: [
          'churn-training:0',
          'feature-pipeline:1',
          'ranking-model:2',
          'scoring-model:2',
          'api:null',
          'web:null',
        ],
      });
      // Paged: the count is of every match, the page a slice of the order.
      await expect(
        list({ orderBy: 'mlopsLevel', order: 'desc', limit: 2, offset: 3 }),
      ).resolves.toEqual({
        totalCount: 6,
        rows: ['churn-training:0', 'api:null'],
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'filters and orders by the level without waivers when asked, %p',
    async databaseId => {
      const { knex, store: results } = await createStore(databaseId);
      await results.saveEvaluations(
        [
          // Held at 4 by a waiver of a failing check.
          makeEvaluation('component:default/waived', {
            levels: [4, 4, 4, 4, 4],
            withoutWaivers: [1, 1, 1, 4, 4],
            waived: { 'build-deploy.1.ci': 'fail', 'test.1.tests': 'pass' },
          }),
          makeEvaluation('component:default/plain', {
            levels: [3, 3, 3, 3, 3],
            withoutWaivers: [3, 3, 3, 3, 3],
          }),
          // Evaluated before levels without waivers were kept.
          makeEvaluation('component:default/older', {
            levels: [2, 2, 2, 2, 2],
          }),
        ],
        new Date('2026-11-23T10:00:00Z'),
      );
      const list = async (options: Partial<ListScorecardsOptions>) =>
        (
          await listScorecards(knex, {
            orderBy: 'entityRef',
            order: 'asc',
            limit: 10,
            offset: 0,
            ...options,
          })
        ).items;
      const refs = async (options: Partial<ListScorecardsOptions>) =>
        (await list(options)).map(i => i.entityRef.slice(18));

      const [older, plain, waived] = await list({});
      expect(waived.overallLevel).toBe(4);
      expect(waived.levelsWithoutWaivers).toEqual({
        overallLevel: 1,
        categoryLevels: {
          culture: 1,
          design: 1,
          'build-deploy': 1,
          test: 4,
          information: 4,
        },
      });
      expect(waived.waivedCheckStates).toEqual({
        'build-deploy.1.ci': 'fail',
        'test.1.tests': 'pass',
      });
      expect(plain.waivedCheckStates).toEqual({});
      expect(older.levelsWithoutWaivers).toBeUndefined();
      expect(older.waivedCheckStates).toBeUndefined();

      await expect(refs({ minLevel: 2 })).resolves.toEqual([
        'older',
        'plain',
        'waived',
      ]);
      await expect(
        refs({ minLevel: 2, levels: 'withoutWaivers' }),
      ).resolves.toEqual(['plain']);
      await expect(
        refs({ maxLevel: 1, levels: 'withoutWaivers' }),
      ).resolves.toEqual(['waived']);
      // Unknown levels come last in either order.
      await expect(
        refs({
          orderBy: 'overallLevel',
          order: 'desc',
          levels: 'withoutWaivers',
        }),
      ).resolves.toEqual(['plain', 'waived', 'older']);
      await expect(
        refs({
          orderBy: 'overallLevel',
          order: 'asc',
          levels: 'withoutWaivers',
        }),
      ).resolves.toEqual(['waived', 'plain', 'older']);
      await expect(
        refs({ orderBy: 'overallLevel', order: 'desc' }),
      ).resolves.toEqual(['waived', 'plain', 'older']);

      // Waived: exempt, and the data alone would not pass.
      await expect(refs({ waivedCheck: 'build-deploy.1.ci' })).resolves.toEqual(
        ['waived'],
      );
      await expect(refs({ waivedCheck: 'test.1.tests' })).resolves.toEqual([]);
      // Without the replaced states (stored before they were kept), every
      // exempt check counts as waived.
      await knex('scorecards')
        .where({ entity_ref: 'component:default/waived' })
        .update({ waived_check_states: null });
      await expect(refs({ waivedCheck: 'test.1.tests' })).resolves.toEqual([
        'waived',
      ]);
      await expect(
        refs({
          waivedCheck: 'build-deploy.1.ci',
          failingCheck: 'build-deploy.1.ci',
        }),
      ).resolves.toEqual([]);
    },
  );

  async function createStore(databaseId: TestDatabaseId) {
    const { knex, db } = await migratedDatabase(databases, databaseId);
    return { knex, store: db.results };
  }

  it.each(databases.eachSupportedId())(
    'lists with filters, sorting, search and paging, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.saveEvaluations(records, new Date('2026-11-23T10:00:00Z'));
      const base = {
        orderBy: 'overallLevel' as const,
        order: 'desc' as const,
        limit: 10,
        offset: 0,
      };

      const all = await store.listScorecards(base);
      expect(all.totalCount).toBe(3);
      expect(all.items.map(i => [i.entityRef, i.overallLevel])).toEqual([
        ['component:default/ledger-service', 4],
        ['component:default/checkout-api', 3],
        ['component:default/invoice-generator', 1],
      ]);
      expect(all.items[1]).toMatchObject({
        ownerRef: 'group:default/checkout',
        categoryLevels: {
          culture: 3,
          design: 2,
          'build-deploy': 3,
          test: 2,
          information: 3,
        },
        checkStates: { 'build-deploy.4.ci-success': 'fail' },
      });

      const owned = await store.listScorecards({
        ...base,
        ownerRefs: ['group:default/payments', 'group:default/billing-legacy'],
        maxLevel: 2,
      });
      expect(owned.items.map(i => i.entityRef)).toEqual([
        'component:default/invoice-generator',
      ]);

      const searched = await store.listScorecards({
        ...base,
        search: 'LEDGER',
      });
      expect(searched.items.map(i => i.entityRef)).toEqual([
        'component:default/ledger-service',
      ]);
      const literal = await store.listScorecards({ ...base, search: '%' });
      expect(literal.totalCount).toBe(0);

      const page2 = await store.listScorecards({
        ...base,
        orderBy: 'entityRef',
        order: 'asc',
        limit: 2,
        offset: 2,
      });
      expect(page2.totalCount).toBe(3);
      expect(page2.items.map(i => i.entityRef)).toEqual([
        'component:default/ledger-service',
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'lists the entities failing a check, and those of a delivery band, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      // checkout-api passes test.1.tests, ledger-service lacks data for it,
      // invoice-generator fails it; only a stored `fail` counts as failing.
      const withCheck = (
        record: EvaluationRecord,
        state: 'pass' | 'insufficient-data',
        overallBand: 'high' | null,
      ): EvaluationRecord => ({
        ...record,
        scorecard: {
          ...record.scorecard,
          checks: [
            ...record.scorecard.checks,
            { ...records[2].scorecard.checks[1], state },
          ],
          delivery: { ...record.scorecard.delivery, overallBand },
        },
      });
      await store.saveEvaluations(
        [
          withCheck(records[0], 'pass', 'high'),
          withCheck(records[1], 'insufficient-data', null),
          records[2],
        ],
        new Date('2026-11-23T10:00:00Z'),
      );
      const base = {
        orderBy: 'entityRef' as const,
        order: 'asc' as const,
        limit: 10,
        offset: 0,
      };
      const refs = async (options: Partial<ListScorecardsOptions>) => {
        const page = await store.listScorecards({ ...base, ...options });
        expect(page.totalCount).toBe(page.items.length);
        return page.items.map(i => i.entityRef);
      };

      await expect(refs({ failingCheck: 'test.1.tests' })).resolves.toEqual([
        'component:default/invoice-generator',
      ]);
      // The id is one key, dots and all, not a JSON path.
      await expect(
        refs({ failingCheck: 'build-deploy.4.ci-success' }),
      ).resolves.toEqual([
        'component:default/checkout-api',
        'component:default/invoice-generator',
      ]);
      await expect(
        refs({
          failingCheck: 'build-deploy.4.ci-success',
          ownerRefs: ['group:default/checkout'],
        }),
      ).resolves.toEqual(['component:default/checkout-api']);
      await expect(refs({ failingCheck: 'test.9.nothing' })).resolves.toEqual(
        [],
      );
      await expect(refs({ failingCheck: 'build-deploy' })).resolves.toEqual([]);

      await expect(refs({ deliveryBand: 'high' })).resolves.toEqual([
        'component:default/checkout-api',
      ]);
      await expect(refs({ deliveryBand: 'unknown' })).resolves.toEqual([
        'component:default/invoice-generator',
        'component:default/ledger-service',
      ]);
      await expect(refs({ deliveryBand: 'elite' })).resolves.toEqual([]);
      await expect(
        refs({
          deliveryBand: 'unknown',
          failingCheck: 'build-deploy.4.ci-success',
        }),
      ).resolves.toEqual(['component:default/invoice-generator']);
    },
  );
  it.each(databases.eachSupportedId())(
    'filters by type and by catalog tag with the other filters, counting what matches, %p',
    async databaseId => {
      const { knex, db } = await migratedDatabase(databases, databaseId);
      const tagged = (name: string, type: string, tags: string[]) => {
        const record = evaluation(name, 2);
        record.subject = { ...record.subject, type, tags };
        return record;
      };
      await db.results.saveEvaluations(
        [
          tagged('api', 'service', ['java', 'pci']),
          tagged('web', 'website', ['java']),
          tagged('ledger', 'service', []),
        ],
        new Date('2026-11-23T10:00:00Z'),
      );
      const list = async (options: Partial<ListScorecardsOptions>) => {
        const page = await listScorecards(knex, {
          orderBy: 'entityRef',
          order: 'asc',
          limit: 1,
          offset: 0,
          ...options,
        });
        return [page.totalCount, page.items.map(i => i.entityRef.slice(18))];
      };

      await expect(list({ type: 'service' })).resolves.toEqual([2, ['api']]);
      await expect(list({ tag: 'java' })).resolves.toEqual([2, ['api']]);
      await expect(list({ tag: 'java', offset: 1 })).resolves.toEqual([
        2,
        ['web'],
      ]);
      await expect(list({ tag: 'java', type: 'website' })).resolves.toEqual([
        1,
        ['web'],
      ]);
      await expect(list({ tag: 'pc' })).resolves.toEqual([0, []]);
      await expect(list({ type: 'servic' })).resolves.toEqual([0, []]);
    },
  );
});
