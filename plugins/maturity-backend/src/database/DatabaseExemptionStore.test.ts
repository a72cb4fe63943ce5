import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { Exemption } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { MaturityDatabase } from './MaturityDatabase';

jest.setTimeout(60_000);

const CHECKOUT = 'component:default/checkout-api';
const LEDGER = 'component:default/ledger-service';

const requested: Exemption = {
  id: '6b1f1f3e-4a7c-4d55-9f7e-0c8f7b2f5a11',
  entityRef: CHECKOUT,
  checkId: 'test.1.tests',
  reason: 'Contract tests live in the monorepo',
  status: 'requested',
  author: 'user:default/alice-nguyen',
  createdAt: '2026-11-23T10:00:00.000Z',
  requestedExpiresAt: '2027-01-01T00:00:00.000Z',
  expiresAt: '2027-01-01T00:00:00.000Z',
};

describe('DatabaseExemptionStore', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  async function createStore(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    const db = await MaturityDatabase.create({
      database: { getClient: async () => knex },
    });
    return db.exemptions;
  }

  it.each(databases.eachSupportedId())(
    'keeps a request, lists only approved ones for scoring, %p',
    async databaseId => {
      const store = await createStore(databaseId);
      await store.createExemption(requested, [
        {
          action: 'requested',
          actor: requested.author,
          at: requested.createdAt,
        },
      ]);
      const approvedAtOnce: Exemption = {
        ...requested,
        id: '7c2a2f3e-4a7c-4d55-9f7e-0c8f7b2f5a12',
        entityRef: LEDGER,
        status: 'approved',
        requestedExpiresAt: undefined,
        expiresAt: undefined,
        decidedBy: 'system',
        decidedAt: requested.createdAt,
      };
      await store.createExemption(approvedAtOnce, [
        {
          action: 'requested',
          actor: requested.author,
          at: requested.createdAt,
        },
        { action: 'approved', actor: 'system', at: requested.createdAt },
      ]);

      await expect(store.getExemption(requested.id)).resolves.toEqual(
        requested,
      );
      await expect(store.listEntityExemptions(CHECKOUT)).resolves.toEqual([
        requested,
      ]);
      await expect(store.listExemptions([CHECKOUT, LEDGER])).resolves.toEqual([
        approvedAtOnce,
      ]);
      await expect(store.listExemptionEvents(LEDGER)).resolves.toEqual([
        {
          exemptionId: approvedAtOnce.id,
          entityRef: LEDGER,
          checkId: 'test.1.tests',
          action: 'approved',
          actor: 'system',
          at: requested.createdAt,
        },
        {
          exemptionId: approvedAtOnce.id,
          entityRef: LEDGER,
          checkId: 'test.1.tests',
          action: 'requested',
          actor: 'user:default/alice-nguyen',
          at: requested.createdAt,
        },
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'approves with a shorter expiry, revokes, and refuses changes from the wrong state, %p',
    async databaseId => {
      const store = await createStore(databaseId);
      await store.createExemption(requested, []);
      const approvedAt = new Date('2026-11-24T09:00:00.000Z');
      const approval = await store.transitionExemption({
        id: requested.id,
        from: ['requested'],
        to: 'approved',
        actor: 'user:default/bo',
        at: approvedAt,
        comment: 'Until the migration lands',
        expiresAt: new Date('2026-12-15T00:00:00.000Z'),
      });
      expect(approval).toEqual({
        exemption: {
          ...requested,
          status: 'approved',
          expiresAt: '2026-12-15T00:00:00.000Z',
          decidedBy: 'user:default/bo',
          decidedAt: '2026-11-24T09:00:00.000Z',
          decisionComment: 'Until the migration lands',
        },
      });
      // A second decision finds it approved already.
      await expect(
        store.transitionExemption({
          id: requested.id,
          from: ['requested'],
          to: 'denied',
          actor: 'user:default/bo',
          at: approvedAt,
          comment: 'No',
        }),
      ).resolves.toEqual({ conflict: 'approved' });
      await expect(
        store.transitionExemption({
          id: 'no-such-id',
          from: ['approved'],
          to: 'revoked',
          actor: 'user:default/bo',
          at: approvedAt,
        }),
      ).resolves.toEqual({ missing: true });

      const revoked = await store.transitionExemption({
        id: requested.id,
        from: ['approved'],
        to: 'revoked',
        actor: 'user:default/cy',
        at: new Date('2026-11-30T00:00:00.000Z'),
      });
      expect(revoked).toMatchObject({
        exemption: {
          status: 'revoked',
          endedAt: '2026-11-30T00:00:00.000Z',
          decidedBy: 'user:default/bo',
        },
      });
      await expect(store.listExemptions([CHECKOUT])).resolves.toEqual([]);
      const events = await store.listExemptionEvents(CHECKOUT);
      expect(events.map(e => [e.action, e.actor, e.at, e.comment])).toEqual([
        ['revoked', 'user:default/cy', '2026-11-30T00:00:00.000Z', undefined],
        [
          'approved',
          'user:default/bo',
          '2026-11-24T09:00:00.000Z',
          'Until the migration lands',
        ],
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'expires approved exemptions whose expiry has come, once, %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const approved = (id: string, expiresAt?: string): Exemption => ({
        ...requested,
        id,
        status: 'approved',
        expiresAt,
      });
      await store.createExemption(
        approved('due', '2026-12-01T00:00:00.000Z'),
        [],
      );
      await store.createExemption(
        approved('later', '2026-12-03T00:00:00.000Z'),
        [],
      );
      await store.createExemption(approved('never'), []);
      // A request past its requested expiry is not approved: it stays.
      await store.createExemption(
        { ...requested, id: 'pending', expiresAt: '2026-11-30T00:00:00.000Z' },
        [],
      );

      const now = new Date('2026-12-02T00:00:00.000Z');
      const expired = await store.expireExemptions(now, 'system');
      expect(expired.map(e => [e.id, e.status, e.endedAt])).toEqual([
        ['due', 'expired', '2026-12-01T00:00:00.000Z'],
      ]);
      await expect(store.expireExemptions(now, 'system')).resolves.toEqual([]);
      const events = await store.listExemptionEvents(CHECKOUT);
      expect(events.map(e => [e.exemptionId, e.action, e.actor, e.at])).toEqual(
        [['due', 'expired', 'system', '2026-12-01T00:00:00.000Z']],
      );
      expect(
        (await store.listExemptions([CHECKOUT])).map(e => e.id).sort(),
      ).toEqual(['later', 'never']);
    },
  );
});
