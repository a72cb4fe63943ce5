import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { migratedEventStore } from '../../__testUtils__/migratedEventStore';
import {
  BuildEvent,
  MaturityEvent,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { at, build, pullRequest, sha } from '../../../testing/testEvents';

jest.setTimeout(60_000);

const ENTITY = 'component:default/checkout-api';

/** A merged pull request: commits c1 and c2, merged at 03-10 12:00 as m. */
const pr = (externalId = 'PR1', extra = {}) =>
  pullRequest(
    ENTITY,
    externalId,
    {
      authored: '03-10 08:00',
      opened: '03-10 09:00',
      merged: '03-10 12:00',
    },
    {
      sha: sha(`${externalId}-m`),
      commitShas: [sha(`${externalId}-c1`), sha(`${externalId}-c2`)],
      ...extra,
    },
  );

const run = (
  externalId: string,
  commit: string,
  status: BuildEvent['status'],
  started: string,
  extra: Partial<BuildEvent> = {},
) =>
  build(ENTITY, externalId, status, started, undefined, {
    commitSha: sha(commit),
    ...extra,
  });

describe('CI outcomes of changes', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  async function setUp(databaseId: TestDatabaseId) {
    const { knex, store } = await migratedEventStore(databases, databaseId);
    const outcome = async (externalId = 'PR1') => {
      const row = await knex('changes')
        .where({ source: 'github', external_id: externalId })
        .first('merge_commit_built_at', 'ci_status_at_merge');
      return {
        builtAt:
          row.merge_commit_built_at === null
            ? null
            : new Date(Number(row.merge_commit_built_at)).toISOString(),
        statusAtMerge: row.ci_status_at_merge,
      };
    };
    return { knex, store, outcome };
  }

  it.each(databases.eachSupportedId())(
    'follows the runs of a merged pull request as they arrive, %p',
    async databaseId => {
      const { store, outcome } = await setUp(databaseId);
      await store.ingest([pr()]);
      await expect(outcome()).resolves.toEqual({
        builtAt: null,
        statusAtMerge: null,
      });

      // Runs on its commits before the merge: the latest one counts.
      await store.ingest([run('R1', 'PR1-c1', 'failure', '03-10 09:30')]);
      await expect(outcome()).resolves.toMatchObject({
        statusAtMerge: 'failure',
      });
      await store.ingest([run('R2', 'PR1-c2', 'running', '03-10 10:00')]);
      await expect(outcome()).resolves.toMatchObject({
        statusAtMerge: 'running',
      });
      // Its newer version: finished green.
      await store.ingest([
        run('R2', 'PR1-c2', 'success', '03-10 10:00', {
          finishedAt: at('03-10 10:20'),
        }),
      ]);
      await expect(outcome()).resolves.toMatchObject({
        statusAtMerge: 'success',
      });
      // After the merge: not what the merge was judged on.
      await store.ingest([run('R3', 'PR1-c2', 'failure', '03-10 13:00')]);
      await expect(outcome()).resolves.toMatchObject({
        statusAtMerge: 'success',
      });

      // The merge commit built: its first run's start, whatever comes later.
      await store.ingest([
        run('R5', 'PR1-m', 'success', '03-10 15:00'),
        run('R4', 'PR1-m', 'failure', '03-10 12:30'),
      ]);
      await expect(outcome()).resolves.toEqual({
        builtAt: at('03-10 12:30'),
        statusAtMerge: 'success',
      });

      // Replaying everything changes nothing.
      const replay = await store.ingest([
        pr(),
        run('R1', 'PR1-c1', 'failure', '03-10 09:30'),
        run('R5', 'PR1-m', 'success', '03-10 15:00'),
      ]);
      expect(replay.created + replay.updated).toBe(0);
      await expect(outcome()).resolves.toEqual({
        builtAt: at('03-10 12:30'),
        statusAtMerge: 'success',
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'works out a change that arrives after its runs, and a changed commit list, %p',
    async databaseId => {
      const { store, outcome } = await setUp(databaseId);
      await store.ingest([
        run('R1', 'PR1-c1', 'success', '03-10 09:30'),
        run('R2', 'PR1-m', 'success', '03-10 12:10'),
        run('R3', 'PR1-x', 'failure', '03-10 11:00'),
      ]);
      await store.ingest([pr()]);
      await expect(outcome()).resolves.toEqual({
        builtAt: at('03-10 12:10'),
        statusAtMerge: 'success',
      });

      // A force-push replaced c1 by x: its run failed.
      await store.ingest([
        pr('PR1', {
          commitShas: [sha('PR1-x')],
          updatedAt: at('03-10 12:05'),
        }),
      ]);
      await expect(outcome()).resolves.toMatchObject({
        statusAtMerge: 'failure',
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps outcomes right when changes and their runs are written concurrently, %p',
    async databaseId => {
      const { store, outcome } = await setUp(databaseId);
      // Each pull request and its run in two batches written side by side,
      // as two replicas would; on PostgreSQL each store call is its own
      // transaction on its own connection.
      const pairs: MaturityEvent[][] = [];
      for (let i = 0; i < 12; i++) {
        pairs.push(
          [pr(`PR${i}`)],
          [run(`R${i}`, `PR${i}-c2`, 'success', '03-10 10:00')],
        );
      }
      await Promise.all(pairs.map(batch => store.ingest(batch)));
      for (let i = 0; i < 12; i++) {
        await expect(outcome(`PR${i}`)).resolves.toMatchObject({
          statusAtMerge: 'success',
        });
      }
    },
  );
});
