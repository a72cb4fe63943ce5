import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import {
  MaturityEvent,
  StoredMaturityEvent,
  BuildEvent,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import {
  build,
  deployment,
  ENTITY,
  incidentTriggered,
  OTHER,
} from '../../__testUtils__/sampleEvents';
import { migratedEventStore } from '../../__testUtils__/migratedEventStore';

jest.setTimeout(60_000);

describe('listEventsPage', () => {
  const databases = TestDatabases.create({
    ids: ['POSTGRES_15', 'SQLITE_3'],
  });

  const createStore = (databaseId: TestDatabaseId) =>
    migratedEventStore(databases, databaseId);

  it.each(databases.eachSupportedId())(
    'pages through events newest first without gaps or repeats, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const base = Date.UTC(2026, 10, 1);
      const at = (hour: number) =>
        new Date(base + hour * 3600_000).toISOString();
      // Several types share timestamps, so the order's tie-breakers matter.
      const events: MaturityEvent[] = [];
      for (let i = 0; i < 7; i++) {
        events.push({
          ...build,
          externalId: `b${i}`,
          startedAt: at(i),
          finishedAt: undefined,
        });
        events.push({
          ...deployment,
          externalId: `d${i}`,
          startedAt: at(i),
          finishedAt: undefined,
        });
        if (i % 2 === 0) {
          events.push({
            ...incidentTriggered,
            externalId: `i${i}`,
            triggeredAt: at(i),
          });
        }
      }
      events.push({ ...build, externalId: 'other', entityRef: OTHER });
      await store.ingest(events);

      const seen: StoredMaturityEvent[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await store.listEvents({
          entityRef: ENTITY,
          limit: 4,
          cursor,
        });
        seen.push(...page.items);
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor && pages < 20);

      expect(seen).toHaveLength(18);
      expect(new Set(seen.map(e => e.id)).size).toBe(18);
      expect(pages).toBe(5);
      const times = seen.map(e => Date.parse(e.occurredAt));
      expect([...times].sort((a, b) => b - a)).toEqual(times);
      expect(seen.every(e => e.entityRef === ENTITY)).toBe(true);

      const onlyIncidents = await store.listEvents({
        entityRef: ENTITY,
        types: ['incident'],
        limit: 10,
      });
      expect(onlyIncidents.items.map(e => e.type)).toEqual([
        'incident',
        'incident',
        'incident',
        'incident',
      ]);
      expect(onlyIncidents.nextCursor).toBeUndefined();

      const window = await store.listEvents({
        entityRef: ENTITY,
        types: ['build'],
        from: new Date(at(2)),
        to: new Date(at(5)),
        limit: 10,
      });
      expect(window.items.map(e => (e as BuildEvent).externalId)).toEqual([
        'b4',
        'b3',
        'b2',
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'rejects a cursor it did not issue, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await expect(
        store.listEvents({ entityRef: ENTITY, limit: 5, cursor: 'bogus' }),
      ).rejects.toThrow(/cursor/);
    },
  );
});
