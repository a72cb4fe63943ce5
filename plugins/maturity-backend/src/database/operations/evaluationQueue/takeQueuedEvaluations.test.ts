import { TestDatabases } from '@backstage/backend-test-utils';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { queueRows } from '../../__testUtils__/queueRows';
import { takeQueuedEvaluations } from './takeQueuedEvaluations';

jest.setTimeout(60_000);

const T = Date.parse('2026-11-23T10:00:00Z');
const MINUTE = 60_000;

describe('takeQueuedEvaluations', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'leases the oldest free requests, skipping those another run holds, %p',
    async databaseId => {
      const { knex } = await migratedDatabase(databases, databaseId);
      await knex('evaluation_queue').insert([
        { entity_ref: 'component:default/a', requested_at: T },
        { entity_ref: 'component:default/b', requested_at: T + 1 },
        // Held by a live run until T + 10 min.
        {
          entity_ref: 'component:default/c',
          requested_at: T - 5,
          lease_owner: 'other',
          lease_expires_at: T + 10 * MINUTE,
        },
        // Its run's lease ran out a millisecond ago.
        {
          entity_ref: 'component:default/d',
          requested_at: T + 3,
          lease_owner: 'dead',
          lease_expires_at: T - 1,
        },
      ]);
      const lease = (owner: string) => ({
        owner,
        now: new Date(T),
        expiresAt: new Date(T + 5 * MINUTE),
      });

      await expect(takeQueuedEvaluations(knex, 2, lease('x'))).resolves.toEqual(
        ['component:default/a', 'component:default/b'],
      );
      await expect(
        takeQueuedEvaluations(knex, 10, lease('y')),
      ).resolves.toEqual(['component:default/d']);

      // Taken rows stay queued, under the taker's lease.
      await expect(queueRows(knex)).resolves.toEqual([
        {
          entityRef: 'component:default/a',
          requestedAt: T,
          leaseOwner: 'x',
          leaseExpiresAt: T + 5 * MINUTE,
        },
        {
          entityRef: 'component:default/b',
          requestedAt: T + 1,
          leaseOwner: 'x',
          leaseExpiresAt: T + 5 * MINUTE,
        },
        {
          entityRef: 'component:default/c',
          requestedAt: T - 5,
          leaseOwner: 'other',
          leaseExpiresAt: T + 10 * MINUTE,
        },
        {
          entityRef: 'component:default/d',
          requestedAt: T + 3,
          leaseOwner: 'y',
          leaseExpiresAt: T + 5 * MINUTE,
        },
      ]);
    },
  );
});
