import { Knex } from 'knex';
import { chunks } from '../../chunks';

// Refs per statement, well below both engines' bind-parameter limits.
const CHUNK_SIZE = 500;

/**
 * The stored rollups' group tree for the given refs, in one query (per 500
 * refs): for each ref with a group rollup, the group itself and the groups
 * below it; a ref without one (a user, a group the last rebuild did not
 * see) is absent.
 */
export async function readSubgroups(
  db: Knex,
  groupRefs: readonly string[],
): Promise<Map<string, string[]>> {
  const tree = new Map<string, string[]>();
  for (const batch of chunks([...new Set(groupRefs)], CHUNK_SIZE)) {
    const rows: Array<{ group_ref: string; subgroup_ref: string }> = await db(
      'rollup_subgroups',
    )
      .whereIn('group_ref', batch)
      .orderBy(['group_ref', 'subgroup_ref'])
      .select('group_ref', 'subgroup_ref');
    for (const row of rows) {
      tree.set(row.group_ref, [
        ...(tree.get(row.group_ref) ?? []),
        row.subgroup_ref,
      ]);
    }
  }
  return tree;
}
