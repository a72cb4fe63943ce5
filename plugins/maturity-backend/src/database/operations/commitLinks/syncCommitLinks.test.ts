import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { migratedEventStore } from '../../__testUtils__/migratedEventStore';
import { Knex } from 'knex';
import { backfillCommitLinks, syncCommitLinks } from './syncCommitLinks';
import { deployment, pullRequest, sha } from '../../../testing/testEvents';

jest.setTimeout(60_000);

const ENTITY = 'component:default/checkout';

describe('commit links', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  const setUp = (databaseId: TestDatabaseId) =>
    migratedEventStore(databases, databaseId);

  const links = async (knex: Knex, table: string, owner: string) =>
    (await knex(table).select(owner, 'entity_ref', 'sha'))
      .map(row => [Number(row[owner]), row.entity_ref, row.sha])
      .sort();

  it.each(databases.eachSupportedId())(
    'fills one lower-cased row per distinct commit, and refills on change, %p',
    async databaseId => {
      const { knex, store } = await setUp(databaseId);
      await store.ingest([
        deployment(ENTITY, 'D1', 'production', '03-02 10:00', '03-02 10:10', {
          commitSha: sha('a').toUpperCase(),
          commitShas: [sha('a'), sha('b')],
        }),
        pullRequest(
          ENTITY,
          'P1',
          {
            authored: '03-01 08:00',
            opened: '03-01 09:00',
            merged: '03-02 09:00',
          },
          {
            sha: sha('m'),
            commitShas: [sha('c'), sha('d')],
          },
        ),
        pullRequest(ENTITY, 'P2', {
          authored: '03-01 08:00',
          opened: '03-01 09:00',
          merged: '03-02 09:00',
        }),
      ]);
      // Start from nothing, as for rows stored before the links existed.
      await knex('deployment_commits').delete();
      await knex('change_commits').delete();

      await backfillCommitLinks(knex, { pageSize: 1 });
      await backfillCommitLinks(knex); // again: nothing doubles
      const d1 = Number((await knex('deployments').first('id')).id);
      const p1 = Number(
        (await knex('changes').where('external_id', 'P1').first('id')).id,
      );
      expect(await links(knex, 'deployment_commits', 'deployment_id')).toEqual(
        [
          [d1, ENTITY, sha('a')],
          [d1, ENTITY, sha('b')],
        ].sort(),
      );
      expect(await links(knex, 'change_commits', 'change_id')).toEqual(
        [
          [p1, ENTITY, sha('m')],
          [p1, ENTITY, sha('c')],
          [p1, ENTITY, sha('d')],
        ].sort(),
      );

      // A corrected deployment: its links follow.
      await knex('deployments')
        .where('id', d1)
        .update({ commit_sha: sha('e'), commit_shas: null });
      await knex.transaction(tx =>
        syncCommitLinks(tx, { deploymentIds: [d1], changeIds: [] }),
      );
      expect(await links(knex, 'deployment_commits', 'deployment_id')).toEqual([
        [d1, ENTITY, sha('e')],
      ]);
    },
  );
});
