import { TestDatabases } from '@backstage/backend-test-utils';
import { Exemption } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { createExemption } from './createExemption';
import { expireExemptions } from './expireExemptions';

jest.setTimeout(60_000);

const exemption = (
  id: string,
  status: Exemption['status'],
  expiresAt?: string,
): Exemption => ({
  id,
  entityRef: 'component:default/checkout-api',
  checkId: 'test.1.tests',
  reason: 'Contract tests live in the monorepo',
  status,
  author: 'user:default/alice-nguyen',
  createdAt: '2026-11-23T10:00:00.000Z',
  ...(expiresAt ? { expiresAt } : {}),
});

describe('expireExemptions', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'expires approved exemptions due at or before now, ending them at their expiry with an audit row, once, %p',
    async databaseId => {
      const { knex } = await migratedDatabase(databases, databaseId);
      const now = new Date('2026-12-02T00:00:00.000Z');
      for (const stored of [
        exemption('due', 'approved', '2026-12-01T00:00:00.000Z'),
        exemption('due-now', 'approved', '2026-12-02T00:00:00.000Z'),
        exemption('later', 'approved', '2026-12-02T00:00:00.001Z'),
        exemption('never', 'approved'),
        exemption('pending', 'requested', '2026-11-30T00:00:00.000Z'),
        exemption('revoked', 'revoked', '2026-11-30T00:00:00.000Z'),
      ]) {
        await createExemption(knex, stored, []);
      }

      const expired = await expireExemptions(knex, now, 'system');
      expect(
        expired
          .map(e => [e.id, e.status, e.expiresAt, e.endedAt])
          .sort(([a], [b]) => String(a).localeCompare(String(b))),
      ).toEqual([
        [
          'due',
          'expired',
          '2026-12-01T00:00:00.000Z',
          '2026-12-01T00:00:00.000Z',
        ],
        [
          'due-now',
          'expired',
          '2026-12-02T00:00:00.000Z',
          '2026-12-02T00:00:00.000Z',
        ],
      ]);
      await expect(expireExemptions(knex, now, 'system')).resolves.toEqual([]);

      const statuses = await knex('exemptions')
        .orderBy('id')
        .select('id', 'status');
      expect(statuses.map(r => [r.id, r.status])).toEqual([
        ['due', 'expired'],
        ['due-now', 'expired'],
        ['later', 'approved'],
        ['never', 'approved'],
        ['pending', 'requested'],
        ['revoked', 'revoked'],
      ]);
      const audit = await knex('exemption_events')
        .orderBy('exemption_id')
        .select('exemption_id', 'action', 'actor', 'at', 'comment');
      // 2026-12-01T00:00:00Z and 2026-12-02T00:00:00Z
      expect(audit.map(r => ({ ...r, at: Number(r.at) }))).toEqual([
        {
          exemption_id: 'due',
          action: 'expired',
          actor: 'system',
          at: 1796083200000,
          comment: null,
        },
        {
          exemption_id: 'due-now',
          action: 'expired',
          actor: 'system',
          at: 1796169600000,
          comment: null,
        },
      ]);
    },
  );
});
