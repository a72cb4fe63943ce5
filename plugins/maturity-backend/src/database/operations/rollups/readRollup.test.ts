import { TestDatabases } from '@backstage/backend-test-utils';
import { Rollup } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { readRollup } from './readRollup';
import { replaceRollups } from './replaceRollups';

jest.setTimeout(60_000);

describe('readRollup', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'reads the one scope asked for, by its exact ref, %p',
    async databaseId => {
      const { knex } = await migratedDatabase(databases, databaseId);
      const payments = {
        scopeRef: 'group:default/payments',
        scopeKind: 'group',
        entityCount: 3,
        computedAt: '2026-11-23T10:00:00.000Z',
      } as Rollup;
      const org = {
        scopeRef: 'org',
        scopeKind: 'org',
        entityCount: 12,
        computedAt: '2026-11-23T10:00:00.000Z',
      } as Rollup;
      await replaceRollups(knex, [payments, org]);

      await expect(readRollup(knex, 'group:default/payments')).resolves.toEqual(
        payments,
      );
      await expect(readRollup(knex, 'org')).resolves.toEqual(org);
      // Refs are stored canonical: another spelling is another scope.
      await expect(
        readRollup(knex, 'group:default/Payments'),
      ).resolves.toBeUndefined();
      await expect(
        readRollup(knex, 'group:default/billing'),
      ).resolves.toBeUndefined();
    },
  );
});
