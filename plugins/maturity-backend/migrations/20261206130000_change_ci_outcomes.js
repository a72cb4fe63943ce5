// @ts-check

/**
 * What CI said about a change, kept on its row (see
 * src/database/changeCiOutcomes.ts, which keeps them current at ingest):
 *
 * - `merge_commit_built_at`: when the first run on the change's own commit
 *   started;
 * - `ci_status_at_merge`: for a merged pull request, how the last run on its
 *   commits that started before the merge ended.
 *
 * Every evaluation used to look both up per change in the window (two
 * correlated probes into builds per pull request), most of its database
 * time. Stored changes get theirs here, a page of ids at a time.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('changes', table => {
    table
      .bigInteger('merge_commit_built_at')
      .comment("Start of the first CI run on the change's own commit");
    table
      .string('ci_status_at_merge', 32)
      .comment(
        'Merged pull requests: status of the last CI run on their commits before the merge',
      );
  });

  const pageSize = 1000;
  let after = 0;
  for (;;) {
    const page = (
      await knex('changes')
        .where('id', '>', after)
        .orderBy('id')
        .limit(pageSize)
        .pluck('id')
    ).map(Number);
    if (page.length === 0) break;
    await knex.raw(
      `update changes set
         merge_commit_built_at = (
           select min(b.started_at) from builds b
           where b.entity_ref = changes.entity_ref and b.commit_sha = changes.sha
         ),
         ci_status_at_merge = case
           when changes.kind = 'pull_request' and changes.merged_at is not null then (
             select b.status from change_commits cc
             join builds b
               on b.entity_ref = cc.entity_ref and b.commit_sha = cc.sha
             where cc.change_id = changes.id and b.started_at < changes.merged_at
             order by b.started_at desc, b.id desc
             limit 1
           )
         end
       where changes.id >= ? and changes.id <= ?`,
      [page[0], page[page.length - 1]],
    );
    after = page[page.length - 1];
  }
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('changes', table => {
    table.dropColumn('ci_status_at_merge');
    table.dropColumn('merge_commit_built_at');
  });
};
