import { TestDatabases } from '@backstage/backend-test-utils';
import { MaturityDatabase } from '../../MaturityDatabase';
import { EvaluationRecord } from '../../ScorecardStore';
import { RubricInputs } from '../../RubricInputs';
import { RubricPreviewRow } from '../../RubricPreviewReader';
import { makeEvaluation } from '../../../testing/makeEvaluation';
import { readPreviewRows } from './readPreviewRows';

jest.setTimeout(60_000);

const INPUTS: RubricInputs = {
  entity: {
    entityRef: 'component:default/api',
    kind: 'component',
    owner: 'group:default/payments',
    ownerIsGroup: true,
    tags: ['java'],
    annotations: { 'github.com/project-slug': 'acme/api' },
    providesApis: true,
    catalogCompleteness: 5 / 6,
  },
  repoFacts: { 'codeowners-present': true },
  connections: { scm: true, ci: true, incidents: false },
  historyDays: 12,
};

async function collect(iterable: AsyncIterable<RubricPreviewRow[]>) {
  const batches: RubricPreviewRow[][] = [];
  for await (const batch of iterable) batches.push(batch);
  return batches;
}

describe('readPreviewRows', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'reads every scorecard in entity ref order, batch by batch, with inputs where stored, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { results } = await MaturityDatabase.create({
        database: { getClient: async () => knex },
      });
      const api: EvaluationRecord = {
        ...makeEvaluation('component:default/api', {
          owner: 'group:default/payments',
          levels: [2, 2, 2, 2, 2],
          failing: ['build-deploy.1.ci'],
        }),
        inputs: INPUTS,
      };
      const model = makeEvaluation('component:default/model', {
        levels: [1, 1, 1, 1, 1],
      });
      model.scorecard.mlops = { level: 0 };
      const web = makeEvaluation('component:default/web', {
        levels: [3, 3, 3, 3, 3],
      });
      // Written in another order than they are read.
      await results.saveEvaluations(
        [web, api, model],
        new Date('2026-11-23T10:00:00Z'),
      );

      const batches = await collect(
        readPreviewRows(knex, {
          withMetrics: true,
          withInputs: true,
          batchSize: 2,
        }),
      );
      expect(batches.map(b => b.map(r => r.entityRef))).toEqual([
        ['component:default/api', 'component:default/model'],
        ['component:default/web'],
      ]);
      const [first, second] = batches[0];
      expect(first).toMatchObject({
        kind: 'component',
        ownerRef: 'group:default/payments',
        isMl: false,
        checkStates: { 'build-deploy.1.ci': 'fail' },
        evaluatedAt: new Date('2026-11-23T10:00:00Z'),
        inputs: INPUTS,
      });
      expect(first.metrics?.entityRef).toBe('component:default/api');
      expect(second.isMl).toBe(true);
      expect(second.checkStates).toEqual({});
      // Evaluated without inputs: none come back.
      expect(second.inputs).toBeUndefined();

      // Without the documents, none are read.
      const lean = await collect(
        readPreviewRows(knex, { withMetrics: false, withInputs: false }),
      );
      expect(lean).toHaveLength(1);
      expect(lean[0].map(r => [r.metrics, r.inputs])).toEqual([
        [undefined, undefined],
        [undefined, undefined],
        [undefined, undefined],
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'yields nothing without scorecards and stops after a full last batch, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { results } = await MaturityDatabase.create({
        database: { getClient: async () => knex },
      });
      const empty = await collect(
        readPreviewRows(knex, { withMetrics: false, withInputs: false }),
      );
      expect(empty).toEqual([]);
      await results.saveEvaluations(
        [
          makeEvaluation('component:default/a', { levels: [1, 1, 1, 1, 1] }),
          makeEvaluation('component:default/b', { levels: [1, 1, 1, 1, 1] }),
        ],
        new Date('2026-11-23T10:00:00Z'),
      );
      const exact = await collect(
        readPreviewRows(knex, {
          withMetrics: false,
          withInputs: false,
          batchSize: 2,
        }),
      );
      expect(exact.map(b => b.length)).toEqual([2]);
    },
  );
});
