import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import {
  DeploymentEvent,
  IncidentEvent,
  MaturityEvent,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { Knex } from 'knex';
import { toEventRow } from '../../eventRows';
import { eventTables } from '../../eventTables';
import { readEventsById } from './readEventsById';

jest.setTimeout(60_000);

const ENTITY = 'component:default/checkout-api';
const OTHER = 'component:default/cart-service';

const deployment = (n: number, entityRef = ENTITY): DeploymentEvent => ({
  type: 'deployment',
  source: 'argocd',
  externalId: `deploy-${n}`,
  entityRef,
  environment: 'production',
  status: 'success',
  startedAt: `2026-11-${10 + n}T11:00:00.000Z`,
});

const incident: IncidentEvent = {
  type: 'incident',
  source: 'pagerduty',
  externalId: 'PD-1',
  entityRef: ENTITY,
  status: 'resolved',
  urgency: 'high',
  triggeredAt: '2026-11-15T08:00:00.000Z',
  resolvedAt: '2026-11-15T09:00:00.000Z',
};

/** Stores the events and returns their stored ids, in order. */
async function store(db: Knex, events: MaturityEvent[]): Promise<string[]> {
  const ids: string[] = [];
  for (const event of events) {
    const [row] = await db(eventTables[event.type].table)
      .insert(toEventRow(event, Date.parse('2026-11-20T00:00:00Z')))
      .returning('id');
    ids.push(`${event.type}:${typeof row === 'object' ? row.id : row}`);
  }
  return ids;
}

describe('readEventsById', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  async function migrated(databaseId: TestDatabaseId) {
    const db = await databases.init(databaseId);
    await db.migrate.latest({
      directory: resolvePackagePath(
        '@maturity-for-backstage/backstage-plugin-maturity-backend',
        'migrations',
      ),
    });
    return db;
  }

  it.each(databases.eachSupportedId())(
    'reads the named events of the entity in the order of the ids, on %p',
    async databaseId => {
      const db = await migrated(databaseId);
      const [d1, d2, i1, otherEntity] = await store(db, [
        deployment(1),
        deployment(2),
        incident,
        deployment(3, OTHER),
      ]);

      const events = await readEventsById(db, {
        entityRef: ENTITY,
        ids: [
          i1,
          d2,
          otherEntity,
          'deployment:999999',
          'unknown:1',
          'x',
          d1,
          d2,
        ],
      });

      expect(events.map(e => e.id)).toEqual([i1, d2, d1]);
      expect(events[0]).toMatchObject({
        ...incident,
        id: i1,
        occurredAt: '2026-11-15T08:00:00.000Z',
        ingestedAt: '2026-11-20T00:00:00.000Z',
      });
      expect(events[1]).toMatchObject({ ...deployment(2), id: d2 });
    },
  );

  it.each(databases.eachSupportedId())(
    'leaves out events outside the window, on %p',
    async databaseId => {
      const db = await migrated(databaseId);
      const [d1, d2, d3] = await store(db, [
        deployment(1),
        deployment(2),
        deployment(3),
      ]);

      const events = await readEventsById(db, {
        entityRef: ENTITY,
        ids: [d1, d2, d3],
        from: new Date('2026-11-12T00:00:00.000Z'),
        to: new Date('2026-11-13T11:00:00.000Z'),
      });

      expect(events.map(e => e.id)).toEqual([d2]);
    },
  );

  it.each(databases.eachSupportedId())(
    'reads nothing for no ids, on %p',
    async databaseId => {
      const db = await migrated(databaseId);
      await store(db, [deployment(1)]);
      await expect(
        readEventsById(db, { entityRef: ENTITY, ids: [] }),
      ).resolves.toEqual([]);
    },
  );
});
