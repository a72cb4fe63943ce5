import { Knex } from 'knex';
import { chunks } from '../../chunks';

// Ids and SHAs per statement, far below both engines' bind-parameter limits.
const CHUNK_SIZE = 500;

/** A CI run just written: what changes it may say something about. */
export interface WrittenBuild {
  entity_ref: string;
  commit_sha?: string | null;
}

/**
 * What CI said about a change, kept on the change's row:
 *
 * - `merge_commit_built_at`: when the first run on the change's own commit
 *   (its merge commit, or the pushed commit) started;
 * - `ci_status_at_merge`: for a merged pull request, how the last run on its
 *   commits that started before the merge ended.
 *
 * Both depend only on stored builds and commit links, so they are
 * recomputed whenever a change or a build of one of its commits is written
 * (in the writing transaction) instead of being looked up per change on
 * every evaluation, which took most of an evaluation's database time.
 * The statement is the same on both engines, and the same as the
 * migration that filled them for changes stored before
 * (20261206130000_change_ci_outcomes).
 */
const REFRESH_SQL = `
  update changes set
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
  where changes.id in (:ids)
`;

/**
 * `(entity_ref = ? and <column> in (...)) or ...`: one index range per
 * entity of the written builds.
 */
function whereEntityCommit(
  query: Knex.QueryBuilder,
  column: string,
  byEntity: Map<string, string[]>,
): Knex.QueryBuilder {
  return query.where(outer => {
    for (const [entityRef, shas] of byEntity) {
      outer.orWhere(inner =>
        inner.where('entity_ref', entityRef).whereIn(column, shas),
      );
    }
  });
}

/**
 * Recomputes the CI outcomes of the written changes and of every change
 * that a written build ran a commit of. Call it in the transaction that
 * wrote them, after their commit links.
 *
 * @internal
 */
export async function refreshChangeCiOutcomes(
  tx: Knex | Knex.Transaction,
  written: { changeIds?: Array<number | string>; builds?: WrittenBuild[] },
): Promise<void> {
  const ids = new Set((written.changeIds ?? []).map(Number));
  const byEntity = new Map<string, Set<string>>();
  for (const build of written.builds ?? []) {
    if (!build.commit_sha) continue;
    const shas = byEntity.get(build.entity_ref) ?? new Set<string>();
    shas.add(build.commit_sha);
    byEntity.set(build.entity_ref, shas);
  }
  // Entities share a statement until it holds about CHUNK_SIZE SHAs.
  const groups: Array<Map<string, string[]>> = [];
  let group = new Map<string, string[]>();
  let size = 0;
  for (const [entityRef, shas] of byEntity) {
    for (const chunk of chunks([...shas], CHUNK_SIZE)) {
      if (size + chunk.length > CHUNK_SIZE && size > 0) {
        groups.push(group);
        group = new Map();
        size = 0;
      }
      group.set(entityRef, [...(group.get(entityRef) ?? []), ...chunk]);
      size += chunk.length;
    }
  }
  if (size > 0) groups.push(group);
  for (const shasOf of groups) {
    const byCommit = await whereEntityCommit(
      tx('change_commits'),
      'sha',
      shasOf,
    ).pluck('change_id');
    const bySha = await whereEntityCommit(tx('changes'), 'sha', shasOf).pluck(
      'id',
    );
    for (const id of [...byCommit, ...bySha]) ids.add(Number(id));
  }
  for (const chunk of chunks([...ids], CHUNK_SIZE)) {
    await tx.raw(REFRESH_SQL, {
      ids: tx.raw(chunk.map(() => '?').join(', '), chunk),
    });
  }
}

/**
 * Takes PostgreSQL's transaction-scoped advisory locks on the entities of
 * the changes and builds a batch writes, in one order for every writer.
 * Without them two replicas writing a change and a build of its commit at
 * the same time would each miss the other's uncommitted row and leave the
 * change's outcome stale; with them the second waits and sees the first's
 * rows. (SQLite has a single writer.)
 *
 * @internal
 */
export async function lockEntitiesForCiOutcomes(
  tx: Knex.Transaction,
  rows: ReadonlyArray<{ entity_ref?: unknown }>,
): Promise<void> {
  const refs = [...new Set(rows.map(row => String(row.entity_ref)))];
  if (refs.length === 0) return;
  await tx.raw(
    `select pg_advisory_xact_lock(k)
     from (
       select distinct hashtextextended(ref, 0) as k
       from unnest(?::text[]) as ref
       order by k
     ) entity_locks`,
    [refs],
  );
}
