import { TestDatabases } from '@backstage/backend-test-utils';
import { Exemption } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { createExemption } from './createExemption';
import { listEntityExemptions } from './listEntityExemptions';

jest.setTimeout(60_000);

const exemption = (
  id: string,
  entityRef: string,
  status: Exemption['status'],
  createdAt: string,
): Exemption => ({
  id,
  entityRef,
  checkId: 'test.1.tests',
  reason: 'Contract tests live in the monorepo',
  status,
  author: 'user:default/alice-nguyen',
  createdAt,
});

describe('listEntityExemptions', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    "lists the entity's exemptions in every state, oldest request first and by id on a tie, %p",
    async databaseId => {
      const { knex } = await migratedDatabase(databases, databaseId);
      const checkout = 'component:default/checkout-api';
      const latest = exemption(
        'a',
        checkout,
        'requested',
        '2026-11-25T00:00:00.000Z',
      );
      const tiedB = exemption(
        'b',
        checkout,
        'withdrawn',
        '2026-11-22T00:00:00.000Z',
      );
      const tiedC = exemption(
        'c',
        checkout,
        'approved',
        '2026-11-22T00:00:00.000Z',
      );
      const first = exemption(
        'd',
        checkout,
        'denied',
        '2026-11-20T00:00:00.000Z',
      );
      for (const stored of [
        tiedC,
        latest,
        first,
        tiedB,
        exemption(
          'e',
          'component:default/ledger-service',
          'approved',
          '2026-11-19T00:00:00.000Z',
        ),
      ]) {
        await createExemption(knex, stored, []);
      }

      await expect(listEntityExemptions(knex, checkout)).resolves.toEqual([
        first,
        tiedB,
        tiedC,
        latest,
      ]);
      await expect(
        listEntityExemptions(knex, 'component:default/billing-ui'),
      ).resolves.toEqual([]);
    },
  );
});
