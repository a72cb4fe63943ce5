import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { MaturityDatabase } from './MaturityDatabase';

jest.setTimeout(60_000);

describe('DatabaseEvaluationQueue', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  async function createStore(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    const db = await MaturityDatabase.create({
      database: { getClient: async () => knex },
    });
    return { store: db.evaluationQueue };
  }

  it.each(databases.eachSupportedId())(
    'queues entities for evaluation once each, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const t = new Date('2026-11-23T10:00:00Z');
      await store.enqueueEvaluation(
        ['component:default/a', 'component:default/b', 'component:default/a'],
        t,
      );
      await store.enqueueEvaluation(
        ['component:default/c'],
        new Date(t.getTime() + 1000),
      );
      await expect(store.takeQueuedEvaluations(2)).resolves.toEqual([
        'component:default/a',
        'component:default/b',
      ]);
      await expect(store.takeQueuedEvaluations(10)).resolves.toEqual([
        'component:default/c',
      ]);
      await expect(store.takeQueuedEvaluations(10)).resolves.toEqual([]);
    },
  );
});
