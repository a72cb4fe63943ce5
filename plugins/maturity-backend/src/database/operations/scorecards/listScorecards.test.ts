import { TestDatabases } from '@backstage/backend-test-utils';
import { MaturityDatabase } from '../../MaturityDatabase';
import { EvaluationRecord, ListScorecardsOptions } from '../../ScorecardStore';
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
      const knex = await databases.init(databaseId);
      const { results } = await MaturityDatabase.create({
        database: { getClient: async () => knex },
      });
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
});
