import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { Rollup } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';

jest.setTimeout(60_000);

describe('replaceRollups', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  async function createStore(databaseId: TestDatabaseId) {
    const { db } = await migratedDatabase(databases, databaseId);
    return { store: db.rollups };
  }

  it.each(databases.eachSupportedId())(
    'replaces rollups as a whole, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const rollup = (scopeRef: string, entityCount: number) =>
        ({
          scopeRef,
          scopeKind: 'group',
          entityCount,
          computedAt: '2026-11-23T10:00:00.000Z',
        } as Rollup);
      await store.replaceRollups([
        rollup('group:default/a', 1),
        rollup('org', 1),
      ]);
      await store.replaceRollups([rollup('org', 2)]);
      await expect(store.getRollup('group:default/a')).resolves.toBeUndefined();
      await expect(store.getRollup('org')).resolves.toEqual(rollup('org', 2));
    },
  );
});
