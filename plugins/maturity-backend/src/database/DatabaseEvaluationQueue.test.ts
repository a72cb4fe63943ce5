import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { migratedDatabase } from './__testUtils__/migratedDatabase';

jest.setTimeout(60_000);

describe('DatabaseEvaluationQueue', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  async function createStore(databaseId: TestDatabaseId) {
    const { db } = await migratedDatabase(databases, databaseId);
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

  const lease = (owner: string, now: Date, minutes = 5) => ({
    owner,
    now,
    expiresAt: new Date(now.getTime() + minutes * 60_000),
  });

  it.each(databases.eachSupportedId())(
    'keeps taken entities queued until completed, and lets another run take them once the lease expired, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const t = new Date('2026-11-23T10:00:00Z');
      await store.enqueueEvaluation(['component:default/a'], t);
      await expect(
        store.takeQueuedEvaluations(10, lease('crashed-run', t)),
      ).resolves.toEqual(['component:default/a']);
      // Held: a run a minute later does not get it.
      const minuteLater = new Date(t.getTime() + 60_000);
      await expect(
        store.takeQueuedEvaluations(10, lease('next-run', minuteLater)),
      ).resolves.toEqual([]);
      // The first run died; after its lease any run takes the entity.
      const later = new Date(t.getTime() + 6 * 60_000);
      await expect(
        store.takeQueuedEvaluations(10, lease('later-run', later)),
      ).resolves.toEqual(['component:default/a']);
      // The dead run's owner id completes nothing.
      await store.completeQueuedEvaluations('crashed-run');
      await store.completeQueuedEvaluations('later-run');
      await expect(
        store.takeQueuedEvaluations(
          10,
          lease('last', new Date(later.getTime() + 3_600_000)),
        ),
      ).resolves.toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    "keeps an entity queued again while taken, and gives back a failed run's entities at once, %p",
    async databaseId => {
      const { store } = await createStore(databaseId);
      const t = new Date('2026-11-23T10:00:00Z');
      await store.enqueueEvaluation(
        ['component:default/a', 'component:default/b'],
        t,
      );
      await store.takeQueuedEvaluations(10, lease('run-1', t));
      await store.enqueueEvaluation(
        ['component:default/b'],
        new Date(t.getTime() + 1000),
      );
      await store.completeQueuedEvaluations('run-1');
      const next = new Date(t.getTime() + 2000);
      await expect(
        store.takeQueuedEvaluations(10, lease('run-2', next)),
      ).resolves.toEqual(['component:default/b']);
      await store.releaseQueuedEvaluations('run-2');
      await expect(
        store.takeQueuedEvaluations(10, lease('run-3', next)),
      ).resolves.toEqual(['component:default/b']);
    },
  );
});
