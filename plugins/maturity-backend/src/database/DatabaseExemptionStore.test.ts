import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { MaturityDatabase } from './MaturityDatabase';

jest.setTimeout(60_000);

describe('DatabaseExemptionStore', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  async function createStore(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    const db = await MaturityDatabase.create({
      database: { getClient: async () => knex },
    });
    return { store: db.exemptions };
  }

  it.each(databases.eachSupportedId())(
    'creates, lists and revokes exemptions, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const exemption = {
        id: '6b1f1f3e-4a7c-4d55-9f7e-0c8f7b2f5a11',
        entityRef: 'component:default/checkout-api',
        checkId: 'test.1.tests',
        reason: 'Contract tests live in the monorepo',
        author: 'user:default/alice-nguyen',
        createdAt: '2026-11-23T10:00:00.000Z',
        expiresAt: '2027-01-01T00:00:00.000Z',
      };
      await store.createExemption(exemption);
      await store.createExemption({
        ...exemption,
        id: '7c2a2f3e-4a7c-4d55-9f7e-0c8f7b2f5a12',
        expiresAt: undefined,
        entityRef: 'component:default/ledger-service',
      });
      await expect(
        store.listExemptions(['component:default/checkout-api']),
      ).resolves.toEqual([exemption]);
      await expect(
        store.revokeExemption(exemption.id, new Date()),
      ).resolves.toBe(true);
      await expect(
        store.revokeExemption(exemption.id, new Date()),
      ).resolves.toBe(false);
      await expect(store.getExemption(exemption.id)).resolves.toBeUndefined();
      const remaining = await store.listExemptions([
        'component:default/checkout-api',
        'component:default/ledger-service',
      ]);
      expect(remaining.map(e => [e.entityRef, e.expiresAt])).toEqual([
        ['component:default/ledger-service', undefined],
      ]);
    },
  );
});
