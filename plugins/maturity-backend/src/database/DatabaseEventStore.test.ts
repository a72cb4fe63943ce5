import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import {
  asSent,
  build,
  change,
  deployment,
  fact,
  incidentTriggered,
  readAll,
} from './__testUtils__/sampleEvents';
import { migratedEventStore } from './__testUtils__/migratedEventStore';

jest.setTimeout(60_000);

describe('DatabaseEventStore', () => {
  const databases = TestDatabases.create({
    ids: ['POSTGRES_15', 'SQLITE_3'],
  });

  const createStore = (databaseId: TestDatabaseId) =>
    migratedEventStore(databases, databaseId);

  it.each(databases.eachSupportedId())(
    'stores every event type and reads it back unchanged, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const events = [build, deployment, change, incidentTriggered, fact];

      await expect(store.ingest(events)).resolves.toEqual({
        created: 5,
        updated: 0,
        unchanged: 0,
      });

      const stored = await readAll(store);
      expect(stored.map(asSent)).toEqual(
        expect.arrayContaining(events.map(e => expect.objectContaining(e))),
      );
      expect(stored).toHaveLength(5);
      for (const event of stored) {
        expect(asSent(event)).toEqual(events.find(e => e.type === event.type));
        expect(event.id).toMatch(new RegExp(`^${event.type}:\\d+$`));
      }
      const storedIncident = stored.find(e => e.type === 'incident')!;
      expect(storedIncident.occurredAt).toBe(incidentTriggered.triggeredAt);
      // Without updatedAt, the version is the latest time in the event.
      expect(storedIncident.updatedAt).toBe(incidentTriggered.triggeredAt);
      expect(stored.find(e => e.type === 'change')!.occurredAt).toBe(
        change.openedAt,
      );
    },
  );
});
