import { TestDatabases } from '@backstage/backend-test-utils';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { queueRows } from '../../__testUtils__/queueRows';
import { enqueueEvaluations } from './enqueueEvaluations';

jest.setTimeout(60_000);

const T = Date.parse('2026-11-23T10:00:00Z');

describe('enqueueEvaluations', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'queues each entity once, and a held one again without its lease, %p',
    async databaseId => {
      const { knex } = await migratedDatabase(databases, databaseId);
      await enqueueEvaluations(
        knex,
        ['component:default/a', 'component:default/b', 'component:default/a'],
        new Date(T),
      );
      await knex('evaluation_queue')
        .where('entity_ref', 'component:default/a')
        .update({ lease_owner: 'run-1', lease_expires_at: T + 300_000 });

      await enqueueEvaluations(
        knex,
        ['component:default/a'],
        new Date(T + 1000),
      );

      await expect(queueRows(knex)).resolves.toEqual([
        {
          entityRef: 'component:default/a',
          requestedAt: T + 1000,
          leaseOwner: null,
          leaseExpiresAt: null,
        },
        {
          entityRef: 'component:default/b',
          requestedAt: T,
          leaseOwner: null,
          leaseExpiresAt: null,
        },
      ]);
    },
  );
});
