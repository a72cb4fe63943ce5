import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { runBatchRead } from './runBatchRead';

jest.setTimeout(60_000);

const SETTINGS = ['jit', 'max_parallel_workers_per_gather', 'work_mem'];

async function settingsOf(db: Knex): Promise<Record<string, string>> {
  const { rows } = await db.raw<{ rows: Array<Record<string, string>> }>(
    `select ${SETTINGS.map(
      name => `current_setting('${name}') as ${name}`,
    ).join(', ')}`,
  );
  return rows[0];
}

describe('runBatchRead', () => {
  const databases = TestDatabases.create({
    ids: ['POSTGRES_15', 'SQLITE_3'],
  });

  it('reads on PostgreSQL without JIT or parallel workers and with room to sort in memory, for its own transaction only', async () => {
    const knex = await databases.init('POSTGRES_15');
    const before = await settingsOf(knex);

    const inside = await runBatchRead(knex, db => settingsOf(db));

    expect(inside).toEqual({
      jit: 'off',
      max_parallel_workers_per_gather: '0',
      work_mem: '16MB',
    });
    // Every connection of the pool is as Backstage configured it.
    const after = await Promise.all(
      Array.from({ length: 4 }, () => settingsOf(knex)),
    );
    expect(after).toEqual(after.map(() => before));
    expect(before.work_mem).not.toBe('16MB');
  });

  it('runs the read as it is on SQLite', async () => {
    const knex = await databases.init('SQLITE_3');
    await expect(
      runBatchRead(knex, async db => (await db.raw('select 1 as one'))[0]),
    ).resolves.toEqual({ one: 1 });
  });
});
