import { TestDatabases } from '@backstage/backend-test-utils';
import { Exemption } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { createExemption } from './createExemption';
import { listExemptionEvents } from './listExemptionEvents';

jest.setTimeout(60_000);

const exemption = (id: string, entity: string): Exemption => ({
  id,
  entityRef: `component:default/${entity}`,
  checkId: 'test.1.tests',
  reason: 'Contract tests live in the monorepo',
  status: 'approved',
  author: 'user:default/alice-nguyen',
  createdAt: '2026-11-23T10:00:00.000Z',
});

describe('listExemptionEvents', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    "lists the entity's audit rows newest first, the later written first on a tie, %p",
    async databaseId => {
      const { knex } = await migratedDatabase(databases, databaseId);
      await createExemption(knex, exemption('one', 'checkout-api'), [
        {
          action: 'requested',
          actor: 'user:default/alice-nguyen',
          at: '2026-11-23T10:00:00.000Z',
        },
        {
          action: 'approved',
          actor: 'system',
          at: '2026-11-23T10:00:00.000Z',
          comment: 'auto-approved check',
        },
      ]);
      await createExemption(knex, exemption('two', 'checkout-api'), [
        {
          action: 'requested',
          actor: 'user:default/bo',
          at: '2026-11-22T08:00:00.000Z',
        },
      ]);
      await createExemption(knex, exemption('three', 'ledger-service'), [
        {
          action: 'requested',
          actor: 'user:default/cy',
          at: '2026-11-25T00:00:00.000Z',
        },
      ]);

      await expect(
        listExemptionEvents(knex, 'component:default/checkout-api'),
      ).resolves.toStrictEqual([
        {
          exemptionId: 'one',
          entityRef: 'component:default/checkout-api',
          checkId: 'test.1.tests',
          action: 'approved',
          actor: 'system',
          at: '2026-11-23T10:00:00.000Z',
          comment: 'auto-approved check',
        },
        {
          exemptionId: 'one',
          entityRef: 'component:default/checkout-api',
          checkId: 'test.1.tests',
          action: 'requested',
          actor: 'user:default/alice-nguyen',
          at: '2026-11-23T10:00:00.000Z',
        },
        {
          exemptionId: 'two',
          entityRef: 'component:default/checkout-api',
          checkId: 'test.1.tests',
          action: 'requested',
          actor: 'user:default/bo',
          at: '2026-11-22T08:00:00.000Z',
        },
      ]);
      await expect(
        listExemptionEvents(knex, 'component:default/billing-ui'),
      ).resolves.toEqual([]);
    },
  );
});
