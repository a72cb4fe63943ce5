import { TestDatabases } from '@backstage/backend-test-utils';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { queueRows } from '../../__testUtils__/queueRows';
import { completeQueuedEvaluations } from './completeQueuedEvaluations';

jest.setTimeout(60_000);

const T = Date.parse('2026-11-23T10:00:00Z');

describe('completeQueuedEvaluations', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    "removes only the owner's entities, %p",
    async databaseId => {
      const { knex } = await migratedDatabase(databases, databaseId);
      await knex('evaluation_queue').insert([
        {
          entity_ref: 'component:default/a',
          requested_at: T,
          lease_owner: 'x',
          lease_expires_at: T + 1000,
        },
        {
          entity_ref: 'component:default/b',
          requested_at: T,
          lease_owner: 'y',
          lease_expires_at: T + 1000,
        },
        { entity_ref: 'component:default/c', requested_at: T },
      ]);

      await completeQueuedEvaluations(knex, 'x');

      await expect(queueRows(knex)).resolves.toEqual([
        {
          entityRef: 'component:default/b',
          requestedAt: T,
          leaseOwner: 'y',
          leaseExpiresAt: T + 1000,
        },
        {
          entityRef: 'component:default/c',
          requestedAt: T,
          leaseOwner: null,
          leaseExpiresAt: null,
        },
      ]);
    },
  );
});
