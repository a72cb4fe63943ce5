import { TestDatabases } from '@backstage/backend-test-utils';
import { Exemption } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { createExemption } from './createExemption';
import { readExemption } from './readExemption';

jest.setTimeout(60_000);

describe('readExemption', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'reads an exemption with every field, one without the optional ones, and none for an unknown id, %p',
    async databaseId => {
      const { knex } = await migratedDatabase(databases, databaseId);
      const revoked: Exemption = {
        id: 'full',
        entityRef: 'component:default/checkout-api',
        checkId: 'test.1.tests',
        reason: 'Contract tests live in the monorepo',
        status: 'revoked',
        author: 'user:default/alice-nguyen',
        createdAt: '2026-11-23T10:00:00.000Z',
        requestedExpiresAt: '2027-01-01T00:00:00.000Z',
        expiresAt: '2026-12-15T00:00:00.000Z',
        decidedBy: 'user:default/bo',
        decidedAt: '2026-11-24T09:00:00.000Z',
        decisionComment: 'Until the migration lands',
        endedAt: '2026-11-30T00:00:00.000Z',
      };
      const bare: Exemption = {
        id: 'bare',
        entityRef: 'component:default/ledger-service',
        checkId: 'test.2.coverage',
        reason: 'Legacy',
        status: 'requested',
        author: 'user:default/cy',
        createdAt: '2026-11-23T11:00:00.000Z',
      };
      await createExemption(knex, revoked, []);
      await createExemption(knex, bare, []);

      await expect(readExemption(knex, 'full')).resolves.toStrictEqual(revoked);
      // Absent fields are left out, not undefined.
      await expect(readExemption(knex, 'bare')).resolves.toStrictEqual(bare);
      await expect(readExemption(knex, 'no-such-id')).resolves.toBeUndefined();
    },
  );
});
