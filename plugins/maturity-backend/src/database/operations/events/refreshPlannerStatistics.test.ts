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
});
