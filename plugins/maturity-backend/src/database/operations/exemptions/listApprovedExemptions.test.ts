import { TestDatabases } from '@backstage/backend-test-utils';
import { Exemption } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { createExemption } from './createExemption';
import { listApprovedExemptions } from './listApprovedExemptions';

jest.setTimeout(60_000);

const exemption = (
  id: string,
  entity: string,
  status: Exemption['status'],
  createdAt: string,
  expiresAt?: string,
): Exemption => ({
  id,
  entityRef: `component:default/${entity}`,
  checkId: 'test.1.tests',
  reason: 'Contract tests live in the monorepo',
  status,
  author: 'user:default/alice-nguyen',
  createdAt,
  ...(expiresAt ? { expiresAt } : {}),
});

describe('listApprovedExemptions', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    "lists only the entities' approved exemptions, expired by time or not, oldest first, %p",
    async databaseId => {
      const { knex } = await migratedDatabase(databases, databaseId);
      const newer = exemption(
        'newer',
        'checkout-api',
        'approved',
        '2026-11-24T00:00:00.000Z',
      );
      // Past its expiry but not yet marked expired: scoring decides.
      const older = exemption(
        'older',
        'ledger-service',
        'approved',
        '2026-11-20T00:00:00.000Z',
        '2026-11-21T00:00:00.000Z',
      );
      for (const stored of [
        newer,
        older,
        exemption(
          'asked',
          'checkout-api',
          'requested',
          '2026-11-19T00:00:00.000Z',
        ),
        exemption(
          'refused',
          'checkout-api',
          'denied',
          '2026-11-19T00:00:00.000Z',
        ),
        exemption(
          'ended',
          'checkout-api',
          'expired',
          '2026-11-19T00:00:00.000Z',
        ),
        exemption(
          'other',
          'billing-ui',
          'approved',
          '2026-11-19T00:00:00.000Z',
        ),
      ]) {
        await createExemption(knex, stored, []);
      }

      await expect(
        listApprovedExemptions(knex, [
          'component:default/checkout-api',
          'component:default/ledger-service',
        ]),
      ).resolves.toEqual([older, newer]);
      await expect(listApprovedExemptions(knex, [])).resolves.toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'finds exemptions of entities beyond the first thousand refs, %p',
    async databaseId => {
      const { knex } = await migratedDatabase(databases, databaseId);
      const late = exemption(
        'late',
        'service-1500',
        'approved',
        '2026-11-24T00:00:00.000Z',
      );
      await createExemption(knex, late, []);
      const refs = Array.from(
        { length: 1500 },
        (_, i) => `component:default/service-${i + 1}`,
      );

      await expect(listApprovedExemptions(knex, refs)).resolves.toEqual([late]);
    },
  );
});
