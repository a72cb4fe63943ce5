import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { build } from '../../__testUtils__/sampleEvents';
import { migratedEventStore } from '../../__testUtils__/migratedEventStore';

jest.setTimeout(60_000);

describe('refreshPlannerStatistics', () => {
  const databases = TestDatabases.create({
    ids: ['POSTGRES_15', 'SQLITE_3'],
  });

  const createStore = (databaseId: TestDatabaseId) =>
    migratedEventStore(databases, databaseId);

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

  it('analyzes PostgreSQL event tables changed past autovacuum’s threshold since their last analysis, and no result table', async () => {
    const { knex, store } = await createStore('POSTGRES_15');
    const lastAnalyzed = async (relname = 'builds') =>
      (
        await knex('pg_stat_user_tables')
          .where({ relname })
          .andWhere('schemaname', knex.raw('current_schema()'))
          .first('last_analyze')
      )?.last_analyze ?? null;
    const builds = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => ({
        ...build,
        externalId: `run-${from + i}`,
      }));
    // Backends report their changes to the statistics a while after their
    // transactions end (up to 10 s when idle): wait until the count shows.
    const changesReported = async (count: number, relname = 'builds') => {
      for (let waited = 0; waited < 20_000; waited += 200) {
        const row = await knex('pg_stat_user_tables')
          .where({ relname })
          .andWhere('schemaname', knex.raw('current_schema()'))
          .first('n_mod_since_analyze');
        if (Number(row?.n_mod_since_analyze) >= count) return;
        await knex.raw('select pg_stat_clear_snapshot()');
        await new Promise(resolve => setTimeout(resolve, 200));
      }
      throw new Error(`the statistics never showed ${count} changes`);
    };

    await store.ingest(builds(0, 40));
    await changesReported(40);
    await store.refreshPlannerStatistics();
    expect(await lastAnalyzed()).toBeNull();

    // The evaluation's own results, just as changed, are autovacuum's.
    await knex('evaluation_queue').insert(
      Array.from({ length: 100 }, (_, i) => ({
        entity_ref: `component:default/service-${i}`,
        requested_at: i,
      })),
    );
    await changesReported(100, 'evaluation_queue');

    await store.ingest(builds(40, 60));
    await changesReported(100);
    await store.refreshPlannerStatistics();
    const first = await lastAnalyzed();
    expect(first).not.toBeNull();
    expect(await lastAnalyzed('evaluation_queue')).toBeNull();

    await store.ingest(builds(100, 5));
    await changesReported(5);
    await store.refreshPlannerStatistics();
    expect(await lastAnalyzed()).toEqual(first);
  });
});
