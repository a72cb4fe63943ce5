import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import {
  BuildEvent,
  ChangeEvent,
  DeploymentEvent,
  IncidentEvent,
  MaturityEvent,
  RepoFactEvent,
  StoredMaturityEvent,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { Knex } from 'knex';
import { EventStore } from './EventStore';
import { MaturityDatabase } from './MaturityDatabase';

jest.setTimeout(60_000);

const ENTITY = 'component:default/checkout-api';
const OTHER = 'component:default/cart-service';

const build: BuildEvent = {
  type: 'build',
  source: 'github',
  externalId: 'run-1001',
  entityRef: ENTITY,
  pipeline: 'ci.yaml',
  branch: 'main',
  isDefaultBranch: true,
  commitSha: '9fceb02d0ae598e95dc970b74767f19372d61af8',
  trigger: 'push',
  status: 'success',
  startedAt: '2026-11-20T10:00:00.000Z',
  finishedAt: '2026-11-20T10:07:30.000Z',
  steps: ['build', 'unit-test', 'lint'],
  url: 'https://github.com/acme-corp/checkout-api/actions/runs/1001',
};

const deployment: DeploymentEvent = {
  type: 'deployment',
  source: 'argocd',
  externalId: 'deploy-77',
  entityRef: ENTITY,
  environment: 'production',
  commitSha: '9fceb02d0ae598e95dc970b74767f19372d61af8',
  commitShas: [
    '9fceb02d0ae598e95dc970b74767f19372d61af8',
    'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
  ],
  status: 'success',
  reason: 'planned',
  automated: true,
  strategy: 'rolling',
  startedAt: '2026-11-20T11:00:00.000Z',
  finishedAt: '2026-11-20T11:04:00.000Z',
};

const change: ChangeEvent = {
  type: 'change',
  source: 'github',
  externalId: 'acme-corp/checkout-api#412',
  entityRef: ENTITY,
  kind: 'pull_request',
  state: 'merged',
  title: 'Retry card authorisation once on timeout',
  author: 'alice-nguyen',
  targetBranch: 'main',
  sha: '9fceb02d0ae598e95dc970b74767f19372d61af8',
  commitShas: ['a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'],
  authoredAt: '2026-11-19T08:00:00.000Z',
  openedAt: '2026-11-19T09:00:00.000Z',
  firstReviewAt: '2026-11-19T11:30:00.000Z',
  approvedAt: '2026-11-19T12:00:00.000Z',
  mergedAt: '2026-11-20T09:55:00.000Z',
  reviewCount: 2,
  directPush: false,
  isRevert: false,
  touchesSource: true,
  touchesTests: true,
  labels: ['payments'],
  linkedIssues: ['PAY-1234'],
};

const incidentTriggered: IncidentEvent = {
  type: 'incident',
  source: 'pagerduty',
  externalId: 'Q1ABCDEF',
  entityRef: ENTITY,
  title: 'Checkout 5xx above 2%',
  status: 'triggered',
  urgency: 'high',
  priority: 'P1',
  triggeredAt: '2026-11-20T12:00:00.000Z',
  responderTeam: 'group:default/checkout',
  linkedDeploymentIds: ['deploy-77'],
};

const incidentResolved: IncidentEvent = {
  ...incidentTriggered,
  status: 'resolved',
  acknowledgedAt: '2026-11-20T12:03:00.000Z',
  resolvedAt: '2026-11-20T12:41:00.000Z',
};

const fact: RepoFactEvent = {
  type: 'repo_fact',
  source: 'github',
  entityRef: ENTITY,
  fact: 'codeowners',
  value: true,
  observedAt: '2026-11-20T00:00:00.000Z',
};

/** Drops the store's own fields so an event can be compared to its input. */
function asSent(stored: StoredMaturityEvent): MaturityEvent {
  const { id, occurredAt, ingestedAt, updatedAt, ...event } = stored;
  return event as MaturityEvent;
}

async function readAll(store: EventStore, entityRef = ENTITY) {
  const page = await store.listEvents({ entityRef, limit: 500 });
  return page.items;
}

describe('DatabaseEventStore', () => {
  const databases = TestDatabases.create({
    ids: ['POSTGRES_15', 'SQLITE_3'],
  });

  async function createStore(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    const store = (
      await MaturityDatabase.create({
        database: {
          getClient: async () => knex,
          migrations: { skip: false },
        },
      })
    ).events;
    return { knex, store };
  }

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

  it('gives SQLite planner statistics once, and again only after tables grew tenfold', async () => {
    const { knex, store } = await createStore('SQLITE_3');
    const statistics = async () =>
      Object.fromEntries(
        (
          await knex('sqlite_stat1')
            .where('idx', 'builds_entity_time_idx')
            .select('idx', 'stat')
        ).map(row => [row.idx, String(row.stat).split(' ')[0]]),
      );
    const builds = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => ({
        ...build,
        externalId: `run-${from + i}`,
      }));

    await store.ingest(builds(0, 20));
    await store.refreshPlannerStatistics();
    expect(await statistics()).toEqual({ builds_entity_time_idx: '20' });

    await store.ingest(builds(20, 20));
    await store.refreshPlannerStatistics();
    expect(await statistics()).toEqual({ builds_entity_time_idx: '20' });

    await store.ingest(builds(40, 200));
    await store.refreshPlannerStatistics();
    expect(await statistics()).toEqual({ builds_entity_time_idx: '240' });
  });

  it('keeps SQLite planner statistics current as events arrive', async () => {
    const { knex, store } = await createStore('SQLITE_3');
    const analysed = async () =>
      (
        await knex('sqlite_stat1')
          .where('idx', 'builds_entity_time_idx')
          .first('stat')
      )?.stat.split(' ')[0];
    const builds = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => ({
        ...build,
        externalId: `run-${from + i}`,
      }));

    await store.ingest(builds(0, 30));
    await expect(analysed()).resolves.toBe('30');
    await store.ingest(builds(30, 300));
    await expect(analysed()).resolves.toBe('330');
  });

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

  it.each(databases.eachSupportedId())(
    'summarizes an entity activity within a window, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.ingest([
        build,
        {
          ...build,
          externalId: 'run-old',
          startedAt: '2026-01-01T00:00:00.000Z',
          finishedAt: undefined,
        },
        deployment,
        change,
        fact,
        { ...build, externalId: 'run-other', entityRef: OTHER },
      ]);
      const summary = await store.summarizeActivity({
        entityRef: ENTITY,
        from: new Date('2026-11-01T00:00:00.000Z'),
        to: new Date('2026-12-01T00:00:00.000Z'),
      });
      expect(summary).toEqual({
        entityRef: ENTITY,
        from: '2026-11-01T00:00:00.000Z',
        to: '2026-12-01T00:00:00.000Z',
        counts: {
          build: 1,
          deployment: 1,
          change: 1,
          incident: 0,
          repo_fact: 1,
        },
        latest: {
          build: build.startedAt,
          deployment: deployment.startedAt,
          change: change.openedAt,
          repo_fact: fact.observedAt,
        },
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps one sync cursor per source and scope, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await expect(
        store.getSyncCursor('github', ENTITY),
      ).resolves.toBeUndefined();
      await store.setSyncCursor('github', ENTITY, 'etag-1');
      await store.setSyncCursor('github', ENTITY, 'etag-2');
      await store.setSyncCursor('pagerduty', ENTITY, '2026-11-20T00:00:00Z');
      await expect(store.getSyncCursor('github', ENTITY)).resolves.toBe(
        'etag-2',
      );
      await expect(
        store.getSyncCursor('github', OTHER),
      ).resolves.toBeUndefined();
      await expect(store.getSyncCursor('pagerduty', ENTITY)).resolves.toBe(
        '2026-11-20T00:00:00Z',
      );
    },
  );
});
