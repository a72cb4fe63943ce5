import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import {
  MaturityEvent,
  BuildEvent,
  IncidentEvent,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { Knex } from 'knex';
import {
  asSent,
  build,
  change,
  deployment,
  fact,
  incidentResolved,
  incidentTriggered,
  OTHER,
  readAll,
} from '../../__testUtils__/sampleEvents';
import { migratedEventStore } from '../../__testUtils__/migratedEventStore';

jest.setTimeout(60_000);

describe('writeEvents', () => {
  const databases = TestDatabases.create({
    ids: ['POSTGRES_15', 'SQLITE_3'],
  });

  const createStore = (databaseId: TestDatabaseId) =>
    migratedEventStore(databases, databaseId);

  const countRows = async (knex: Knex) => {
    const counts: Record<string, number> = {};
    for (const table of [
      'builds',
      'deployments',
      'changes',
      'incidents',
      'repo_facts',
    ]) {
      const [{ n }] = await knex(table).count({ n: '*' });
      counts[table] = Number(n);
    }
    return counts;
  };

  it.each(databases.eachSupportedId())(
    'changes nothing when the same batch is replayed, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const events = [build, deployment, change, incidentTriggered, fact];
      await store.ingest(events);
      const before = await knex('builds').select();

      await expect(store.ingest(events)).resolves.toEqual({
        created: 0,
        updated: 0,
        unchanged: 5,
      });
      expect(await knex('builds').select()).toEqual(before);
      expect(await countRows(knex)).toEqual({
        builds: 1,
        deployments: 1,
        changes: 1,
        incidents: 1,
        repo_facts: 1,
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'tells records apart by their whole identity across sources and entities, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      // The same external id from two sources, the same fact of two
      // entities and of two sources: six records.
      const events: MaturityEvent[] = [
        build,
        { ...build, source: 'buildkite' },
        fact,
        { ...fact, entityRef: OTHER },
        { ...fact, source: 'gitlab' },
        { ...fact, source: 'gitlab', entityRef: OTHER },
      ];
      await expect(store.ingest(events)).resolves.toEqual({
        created: 6,
        updated: 0,
        unchanged: 0,
      });
      // A mixed replay with one changed record: only that one is updated.
      const changed: BuildEvent = {
        ...build,
        source: 'buildkite',
        status: 'failure',
      };
      await expect(
        store.ingest([...events.slice(0, 1), changed, ...events.slice(2)]),
      ).resolves.toEqual({ created: 0, updated: 1, unchanged: 5 });
      const builds = await knex('builds')
        .orderBy('source')
        .select('source', 'status');
      expect(builds).toEqual([
        { source: 'buildkite', status: 'failure' },
        { source: 'github', status: 'success' },
      ]);
      expect(await countRows(knex)).toMatchObject({ repo_facts: 4 });
    },
  );

  it.each(databases.eachSupportedId())(
    'replaces an event with its newer version and ignores older ones, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      await store.ingest([incidentTriggered]);

      await expect(store.ingest([incidentResolved])).resolves.toEqual({
        created: 0,
        updated: 1,
        unchanged: 0,
      });
      // A late delivery of the triggered state must not undo the resolution.
      await expect(store.ingest([incidentTriggered])).resolves.toEqual({
        created: 0,
        updated: 0,
        unchanged: 1,
      });

      const [stored] = await readAll(store);
      expect(asSent(stored)).toEqual(incidentResolved);
      expect(stored.updatedAt).toBe(incidentResolved.resolvedAt);
      expect(await knex('incidents').count({ n: '*' })).toEqual([
        { n: expect.anything() },
      ]);
      expect((await countRows(knex)).incidents).toBe(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'takes a correction sent with the same version, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.ingest([{ ...fact, value: false }]);
      await expect(store.ingest([fact])).resolves.toEqual({
        created: 0,
        updated: 1,
        unchanged: 0,
      });
      const [stored] = await readAll(store);
      expect(asSent(stored)).toEqual(fact);
    },
  );

  it.each(databases.eachSupportedId())(
    'refuses a change sent with the same version when asked to, writing nothing of the batch, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.ingest([{ ...fact, value: false }]);
      await expect(
        store.ingest([incidentTriggered, fact], {
          sameVersionChange: 'reject',
        }),
      ).rejects.toThrow(/^updatedAt: the repo_fact .* same updatedAt/);
      const all = await readAll(store);
      expect(all.map(asSent)).toEqual([{ ...fact, value: false }]);
      // The identical resend is still a no-op.
      await expect(
        store.ingest([{ ...fact, value: false }], {
          sameVersionChange: 'reject',
        }),
      ).resolves.toEqual({ created: 0, updated: 0, unchanged: 1 });
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps the newest of duplicates within one batch, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await expect(
        store.ingest([incidentResolved, incidentTriggered, incidentResolved]),
      ).resolves.toEqual({ created: 1, updated: 0, unchanged: 2 });
      const [stored] = await readAll(store);
      expect(asSent(stored)).toEqual(incidentResolved);
    },
  );

  it.each(databases.eachSupportedId())(
    'writes nothing when any statement of the batch fails, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      // Builds are written first; the incident then violates NOT NULL.
      const broken = {
        ...incidentTriggered,
        urgency: undefined,
      } as unknown as IncidentEvent;
      await expect(store.ingest([build, deployment, broken])).rejects.toThrow();
      expect(await countRows(knex)).toEqual({
        builds: 0,
        deployments: 0,
        changes: 0,
        incidents: 0,
        repo_facts: 0,
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'writes batches larger than one statement, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const builds = Array.from({ length: 1234 }, (_, i) => ({
        ...build,
        externalId: `run-${i}`,
        startedAt: new Date(Date.UTC(2026, 9, 1) + i * 60_000).toISOString(),
        finishedAt: undefined,
      }));
      await expect(store.ingest(builds)).resolves.toEqual({
        created: 1234,
        updated: 0,
        unchanged: 0,
      });
      await expect(store.ingest(builds)).resolves.toEqual({
        created: 0,
        updated: 0,
        unchanged: 1234,
      });
      expect((await countRows(knex)).builds).toBe(1234);
    },
  );
});
