import { TestDatabases } from '@backstage/backend-test-utils';
import { Exemption } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { createExemption } from './createExemption';

jest.setTimeout(60_000);

const approved: Exemption = {
  id: 'ex-1',
  entityRef: 'component:default/checkout-api',
  checkId: 'test.1.tests',
  reason: 'Contract tests live in the monorepo',
  status: 'approved',
  author: 'user:default/alice-nguyen',
  createdAt: '2026-11-23T10:00:00.000Z',
  requestedExpiresAt: '2027-01-01T00:00:00.000Z',
  expiresAt: '2026-12-15T00:00:00.000Z',
  decidedBy: 'system',
  decidedAt: '2026-11-23T10:00:00.000Z',
  decisionComment: 'auto-approved check',
};

describe('createExemption', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'stores the exemption with its times in milliseconds and its audit rows, %p',
    async databaseId => {
      const { knex } = await migratedDatabase(databases, databaseId);

      await createExemption(knex, approved, [
        { action: 'requested', actor: approved.author, at: approved.createdAt },
        {
          action: 'approved',
          actor: 'system',
          at: approved.createdAt,
          comment: 'auto-approved check',
        },
      ]);

      const row = await knex('exemptions').where('id', 'ex-1').first();
      expect({
        ...row,
        created_at: Number(row.created_at),
        requested_expires_at: Number(row.requested_expires_at),
        expires_at: Number(row.expires_at),
        decided_at: Number(row.decided_at),
      }).toEqual({
        id: 'ex-1',
        entity_ref: 'component:default/checkout-api',
        check_id: 'test.1.tests',
        reason: 'Contract tests live in the monorepo',
        status: 'approved',
        author: 'user:default/alice-nguyen',
        // 2026-11-23T10:00:00Z, 2027-01-01T00:00:00Z and 2026-12-15T00:00:00Z
        created_at: 1795428000000,
        requested_expires_at: 1798761600000,
        expires_at: 1797292800000,
        decided_by: 'system',
        decided_at: 1795428000000,
        decision_comment: 'auto-approved check',
        revoked_at: null,
      });
      const events = await knex('exemption_events')
        .orderBy('id')
        .select(
          'exemption_id',
          'entity_ref',
          'check_id',
          'action',
          'actor',
          'at',
          'comment',
        );
      expect(events.map(e => ({ ...e, at: Number(e.at) }))).toEqual([
        {
          exemption_id: 'ex-1',
          entity_ref: 'component:default/checkout-api',
          check_id: 'test.1.tests',
          action: 'requested',
          actor: 'user:default/alice-nguyen',
          at: 1795428000000,
          comment: null,
        },
        {
          exemption_id: 'ex-1',
          entity_ref: 'component:default/checkout-api',
          check_id: 'test.1.tests',
          action: 'approved',
          actor: 'system',
          at: 1795428000000,
          comment: 'auto-approved check',
        },
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'stores absent optional times as null and writes no audit row for none, %p',
    async databaseId => {
      const { knex } = await migratedDatabase(databases, databaseId);

      await createExemption(
        knex,
        {
          id: 'ex-2',
          entityRef: 'component:default/ledger-service',
          checkId: 'test.1.tests',
          reason: 'Legacy',
          status: 'requested',
          author: 'user:default/bo',
          createdAt: '2026-11-23T10:00:00.000Z',
        },
        [],
      );

      const row = await knex('exemptions').where('id', 'ex-2').first();
      expect([
        row.requested_expires_at,
        row.expires_at,
        row.decided_by,
        row.decided_at,
        row.decision_comment,
        row.revoked_at,
      ]).toEqual([null, null, null, null, null, null]);
      const [{ n }] = await knex('exemption_events').count('* as n');
      expect(Number(n)).toBe(0);
    },
  );

  it.each(databases.eachSupportedId())(
    'writes nothing when the exemption cannot be stored, %p',
    async databaseId => {
      const { knex } = await migratedDatabase(databases, databaseId);
      await createExemption(knex, approved, []);

      await expect(
        createExemption(knex, { ...approved, reason: 'again' }, [
          {
            action: 'requested',
            actor: approved.author,
            at: approved.createdAt,
          },
        ]),
      ).rejects.toThrow();

      const [{ n }] = await knex('exemption_events').count('* as n');
      expect(Number(n)).toBe(0);
      const rows = await knex('exemptions').select('reason');
      expect(rows).toEqual([{ reason: 'Contract tests live in the monorepo' }]);
    },
  );
});
