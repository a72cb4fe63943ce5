import { TestDatabases } from '@backstage/backend-test-utils';
import { Exemption } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { Knex } from 'knex';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { createExemption } from './createExemption';
import { transitionExemption } from './transitionExemption';

jest.setTimeout(60_000);

const requested: Exemption = {
  id: 'ex-1',
  entityRef: 'component:default/checkout-api',
  checkId: 'test.1.tests',
  reason: 'Contract tests live in the monorepo',
  status: 'requested',
  author: 'user:default/alice-nguyen',
  createdAt: '2026-11-23T10:00:00.000Z',
  requestedExpiresAt: '2027-01-01T00:00:00.000Z',
  expiresAt: '2027-01-01T00:00:00.000Z',
};

async function auditRows(knex: Knex) {
  const rows = await knex('exemption_events')
    .orderBy('id')
    .select('exemption_id', 'action', 'actor', 'at', 'comment');
  return rows.map(row => ({ ...row, at: Number(row.at) }));
}

describe('transitionExemption', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'approves with a shorter expiry, keeping the decision and its audit row, %p',
    async databaseId => {
      const { knex } = await migratedDatabase(databases, databaseId);
      await createExemption(knex, requested, []);

      await expect(
        transitionExemption(knex, {
          id: 'ex-1',
          from: ['requested'],
          to: 'approved',
          actor: 'user:default/bo',
          at: new Date('2026-11-24T09:00:00.000Z'),
          comment: 'Until the migration lands',
          expiresAt: new Date('2026-12-15T00:00:00.000Z'),
        }),
      ).resolves.toStrictEqual({
        exemption: {
          ...requested,
          status: 'approved',
          expiresAt: '2026-12-15T00:00:00.000Z',
          decidedBy: 'user:default/bo',
          decidedAt: '2026-11-24T09:00:00.000Z',
          decisionComment: 'Until the migration lands',
        },
      });
      // 2026-11-24T09:00:00Z
      await expect(auditRows(knex)).resolves.toEqual([
        {
          exemption_id: 'ex-1',
          action: 'approved',
          actor: 'user:default/bo',
          at: 1795510800000,
          comment: 'Until the migration lands',
        },
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'ends a withdrawal or revocation at its time, leaving the expiry as it was unless given, %p',
    async databaseId => {
      const { knex } = await migratedDatabase(databases, databaseId);
      await createExemption(knex, requested, []);
      await createExemption(
        knex,
        { ...requested, id: 'ex-2', status: 'approved' },
        [],
      );

      const withdrawn = await transitionExemption(knex, {
        id: 'ex-1',
        from: ['requested'],
        to: 'withdrawn',
        actor: 'user:default/alice-nguyen',
        at: new Date('2026-11-25T00:00:00.000Z'),
      });
      expect(withdrawn).toStrictEqual({
        exemption: {
          ...requested,
          status: 'withdrawn',
          endedAt: '2026-11-25T00:00:00.000Z',
        },
      });
      // A null expiry clears it.
      const revoked = await transitionExemption(knex, {
        id: 'ex-2',
        from: ['approved'],
        to: 'revoked',
        actor: 'user:default/cy',
        at: new Date('2026-11-30T00:00:00.000Z'),
        expiresAt: null,
      });
      const { expiresAt: _cleared, ...withoutExpiry } = requested;
      expect(revoked).toStrictEqual({
        exemption: {
          ...withoutExpiry,
          id: 'ex-2',
          status: 'revoked',
          endedAt: '2026-11-30T00:00:00.000Z',
        },
      });
      // 2026-11-25T00:00:00Z and 2026-11-30T00:00:00Z
      await expect(auditRows(knex)).resolves.toEqual([
        {
          exemption_id: 'ex-1',
          action: 'withdrawn',
          actor: 'user:default/alice-nguyen',
          at: 1795564800000,
          comment: null,
        },
        {
          exemption_id: 'ex-2',
          action: 'revoked',
          actor: 'user:default/cy',
          at: 1795996800000,
          comment: null,
        },
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'changes nothing for an exemption in another state or none, saying which, %p',
    async databaseId => {
      const { knex } = await migratedDatabase(databases, databaseId);
      await createExemption(knex, { ...requested, status: 'denied' }, []);
      const at = new Date('2026-11-24T09:00:00.000Z');

      await expect(
        transitionExemption(knex, {
          id: 'ex-1',
          from: ['requested'],
          to: 'approved',
          actor: 'user:default/bo',
          at,
        }),
      ).resolves.toEqual({ conflict: 'denied' });
      await expect(
        transitionExemption(knex, {
          id: 'no-such-id',
          from: ['approved'],
          to: 'revoked',
          actor: 'user:default/bo',
          at,
        }),
      ).resolves.toEqual({ missing: true });

      const row = await knex('exemptions').where('id', 'ex-1').first();
      expect([row.status, row.decided_by, row.revoked_at]).toEqual([
        'denied',
        null,
        null,
      ]);
      await expect(auditRows(knex)).resolves.toEqual([]);
    },
  );
});
