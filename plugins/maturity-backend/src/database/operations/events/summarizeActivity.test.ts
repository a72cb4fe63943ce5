import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import {
  ENTITY,
  OTHER,
  build,
  deployment,
  change,
  fact,
} from '../../__testUtils__/sampleEvents';
import { migratedEventStore } from '../../__testUtils__/migratedEventStore';

jest.setTimeout(60_000);

describe('summarizeActivity', () => {
  const databases = TestDatabases.create({
    ids: ['POSTGRES_15', 'SQLITE_3'],
  });

  const createStore = (databaseId: TestDatabaseId) =>
    migratedEventStore(databases, databaseId);

  it.each(databases.eachSupportedId())(
    'summarizes an entity activity within a window, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.ingest([
        build,
        {
          ...build,
          externalId: 'run-old',
          startedAt: '2026-01-01T00:00:00.000Z',
          finishedAt: undefined,
        },
        deployment,
        change,
        fact,
        { ...build, externalId: 'run-other', entityRef: OTHER },
      ]);
      const summary = await store.summarizeActivity({
        entityRef: ENTITY,
        from: new Date('2026-11-01T00:00:00.000Z'),
        to: new Date('2026-12-01T00:00:00.000Z'),
      });
      expect(summary).toEqual({
        entityRef: ENTITY,
        from: '2026-11-01T00:00:00.000Z',
        to: '2026-12-01T00:00:00.000Z',
        counts: {
          build: 1,
          deployment: 1,
          change: 1,
          incident: 0,
          repo_fact: 1,
        },
        latest: {
          build: build.startedAt,
          deployment: deployment.startedAt,
          change: change.openedAt,
          repo_fact: fact.observedAt,
        },
      });
    },
  );
});
