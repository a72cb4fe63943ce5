import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { DatabaseScorecardStore } from './DatabaseScorecardStore';
import { migratedDatabase } from './__testUtils__/migratedDatabase';
import { records } from './__testUtils__/sampleEvaluations';
import { makeEvaluation } from '../testing/makeEvaluation';

jest.setTimeout(60_000);

describe('DatabaseScorecardStore', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  async function createStore(databaseId: TestDatabaseId) {
    const { knex, db } = await migratedDatabase(databases, databaseId);
    return { knex, store: db.results };
  }

  it.each(databases.eachSupportedId())(
    'saves evaluations and reads each back by entity, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const now = new Date('2026-11-23T10:00:00Z');
      await store.saveEvaluations(records, now);

      await expect(
        store.getScorecard('component:default/checkout-api'),
      ).resolves.toEqual(records[0].scorecard);
      await expect(
        store.getMetrics('component:default/ledger-service'),
      ).resolves.toEqual(records[1].metrics);
      await expect(
        store.getScorecard('component:default/unknown'),
      ).resolves.toBeUndefined();
    },
  );

  it.each(databases.eachSupportedId())(
    'stores check definitions once per rubric version, readable by every replica, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const now = new Date('2026-11-23T10:00:00Z');
      await store.saveEvaluations(records, now);
      await store.saveEvaluations(records, new Date(now.getTime() + 3600e3));

      const row = await knex('scorecards')
        .where('entity_ref', 'component:default/invoice-generator')
        .first('document');
      const stored = JSON.parse(row.document);
      // No evidence here: none stored.
      expect(stored.checks.map((c: object) => Object.keys(c).sort())).toEqual([
        ['checkId', 'message', 'observed', 'state'],
        ['checkId', 'message', 'observed', 'state'],
      ]);
      const definitions = await knex('rubric_checks')
        .orderBy('check_id')
        .select('rubric_version', 'check_id', 'definition');
      expect(definitions).toEqual([
        {
          rubric_version: 'test-1',
          check_id: 'build-deploy.4.ci-success',
          definition: expect.any(String),
        },
        {
          rubric_version: 'test-1',
          check_id: 'test.1.tests',
          definition: expect.any(String),
        },
      ]);

      // Another replica: a new store with nothing cached.
      const replica = new DatabaseScorecardStore(knex);
      await expect(
        replica.getScorecard('component:default/invoice-generator'),
      ).resolves.toEqual(records[2].scorecard);
    },
  );

  it.each(databases.eachSupportedId())(
    'stores levels as tuples and metrics without their definitions, and gives them back whole, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const record = makeEvaluation('component:default/checkout-api', {
        levels: [3, 2, 3, 2, 3],
        failing: ['build-deploy.4.ci-success'],
      });
      record.scorecard.checks[0].evidence = ['build:12', 'build:9', 'change:4'];
      record.scorecard.categories[0].levels = [
        {
          level: 1,
          met: true,
          insufficientData: false,
          passedScored: 2,
          applicableScored: 3,
        },
        {
          level: 2,
          met: false,
          insufficientData: true,
          passedScored: 0,
          applicableScored: 1,
        },
      ];
      record.metrics.metrics.ci_runs.evidence = ['build:12', 'build:9'];
      await store.saveEvaluations([record], new Date('2026-11-23T10:00:00Z'));

      const scorecardRow = await knex('scorecards')
        .where('entity_ref', 'component:default/checkout-api')
        .first('document');
      expect(scorecardRow.document).toContain('[1,1,0,2,3]');
      const metricsRow = await knex('entity_metrics')
        .where('entity_ref', 'component:default/checkout-api')
        .first('document');
      expect(metricsRow.document).not.toContain('minimumSample');

      const replica = new DatabaseScorecardStore(knex);
      await expect(
        replica.getScorecard('component:default/checkout-api'),
      ).resolves.toEqual(record.scorecard);
      await expect(
        replica.getMetrics('component:default/checkout-api'),
      ).resolves.toEqual(record.metrics);
    },
  );

  it.each(databases.eachSupportedId())(
    'reads metrics stored whole, before they were packed, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      await store.saveEvaluations(records, new Date('2026-11-23T10:00:00Z'));
      const whole = {
        ...records[1].metrics,
        metrics: {
          ...records[1].metrics.metrics,
          ci_runs: {
            ...records[1].metrics.metrics.ci_runs,
            evidence: ['build:7'],
          },
        },
      };
      await knex('entity_metrics')
        .where('entity_ref', 'component:default/ledger-service')
        .update({ document: JSON.stringify(whole) });
      await expect(
        store.getMetrics('component:default/ledger-service'),
      ).resolves.toEqual(whole);
    },
  );

  it.each(databases.eachSupportedId())(
    'reads documents stored with their check definitions as they are, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      await store.saveEvaluations(records, new Date('2026-11-23T10:00:00Z'));
      const full = { ...records[0].scorecard, rubricVersion: 'older' };
      await knex('scorecards')
        .where('entity_ref', 'component:default/checkout-api')
        .update({ document: JSON.stringify(full) });

      await expect(
        new DatabaseScorecardStore(knex).getScorecard(
          'component:default/checkout-api',
        ),
      ).resolves.toEqual(full);
    },
  );

  it.each(databases.eachSupportedId())(
    'removes results of entities no longer evaluated, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.saveEvaluations(records, new Date('2026-11-22T10:00:00Z'));
      const run = new Date('2026-11-23T10:00:00Z');
      await store.saveEvaluations(records.slice(0, 2), run);
      await expect(store.deleteEvaluatedBefore(run)).resolves.toBe(1);
      await expect(
        store.getScorecard('component:default/invoice-generator'),
      ).resolves.toBeUndefined();
      await expect(
        store.getMetrics('component:default/invoice-generator'),
      ).resolves.toBeUndefined();
      expect((await store.listAllSummaries()).length).toBe(2);
    },
  );
});
