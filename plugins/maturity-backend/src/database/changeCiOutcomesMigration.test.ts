import { TestDatabases } from '@backstage/backend-test-utils';
import { migrateOver, MIGRATIONS_DIRECTORY as directory } from './migrateUpTo';

jest.setTimeout(60_000);

const MIGRATION = '20261206130000_change_ci_outcomes.js';
const ENTITY = 'component:default/a';

describe('migration 20261206130000_change_ci_outcomes', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'works out the CI outcomes of changes stored before, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const event = (externalId: string, occurredAt: number) => ({
        source: 'github',
        external_id: externalId,
        entity_ref: ENTITY,
        occurred_at: occurredAt,
        version: 1,
        content_hash: 'h',
        ingested_at: 1,
      });
      const change = (externalId: string, kind: string, mergedAt: number) => ({
        ...event(externalId, mergedAt),
        kind,
        state: 'merged',
        sha: `${externalId}-merge`,
        merged_at: mergedAt,
      });
      const run = (
        externalId: string,
        commit: string,
        status: string,
        startedAt: number,
      ) => ({
        ...event(externalId, startedAt),
        commit_sha: commit,
        status,
        started_at: startedAt,
      });
      const id = (row: number | { id: number }) =>
        typeof row === 'object' ? row.id : row;
      await migrateOver(knex, MIGRATION, async () => {
        const [pr] = await knex('changes')
          .insert(change('PR1', 'pull_request', 100))
          .returning('id');
        await knex('changes').insert(change('P2', 'push', 200));
        await knex('change_commits').insert([
          { change_id: id(pr), entity_ref: ENTITY, sha: 'c1' },
          { change_id: id(pr), entity_ref: ENTITY, sha: 'c2' },
        ]);
        await knex('builds').insert([
          run('R1', 'c1', 'success', 50),
          run('R2', 'c2', 'failure', 60),
          run('R3', 'c2', 'success', 150),
          run('R4', 'PR1-merge', 'success', 120),
          run('R5', 'PR1-merge', 'success', 110),
        ]);
      });

      const rows = await knex('changes')
        .orderBy('external_id')
        .select('external_id', 'merge_commit_built_at', 'ci_status_at_merge');
      expect(
        rows.map(r => [
          r.external_id,
          r.merge_commit_built_at === null
            ? null
            : Number(r.merge_commit_built_at),
          r.ci_status_at_merge,
        ]),
      ).toEqual([
        // The push has no runs; it is no pull request.
        ['P2', null, null],
        // The last run before the merge at 100 failed; the merge commit was
        // first built at 110.
        ['PR1', 110, 'failure'],
      ]);

      await knex.migrate.down({ directory });
      expect(Object.keys(await knex('changes').columnInfo())).not.toContain(
        'ci_status_at_merge',
      );
    },
  );
});
