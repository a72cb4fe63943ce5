import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { ENTITY, OTHER } from '../../__testUtils__/sampleEvents';
import { migratedEventStore } from '../../__testUtils__/migratedEventStore';

jest.setTimeout(60_000);

describe('syncCursors', () => {
  const databases = TestDatabases.create({
    ids: ['POSTGRES_15', 'SQLITE_3'],
  });

  const createStore = (databaseId: TestDatabaseId) =>
    migratedEventStore(databases, databaseId);

  it.each(databases.eachSupportedId())(
    'keeps one sync cursor per source and scope, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await expect(
        store.getSyncCursor('github', ENTITY),
      ).resolves.toBeUndefined();
      await store.setSyncCursor('github', ENTITY, 'etag-1');
      await store.setSyncCursor('github', ENTITY, 'etag-2');
      await store.setSyncCursor('pagerduty', ENTITY, '2026-11-20T00:00:00Z');
      await expect(store.getSyncCursor('github', ENTITY)).resolves.toBe(
        'etag-2',
      );
      await expect(
        store.getSyncCursor('github', OTHER),
      ).resolves.toBeUndefined();
      await expect(store.getSyncCursor('pagerduty', ENTITY)).resolves.toBe(
        '2026-11-20T00:00:00Z',
      );
    },
  );
});
