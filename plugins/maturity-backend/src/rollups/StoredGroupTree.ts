import { RollupStore } from '../database/RollupStore';

/** Groups with their sub-groups, and whether the group tree was known. */
export interface GroupsWithSubgroups {
  /** The given refs first, then the groups below them, each once. */
  groupRefs: string[];
  /**
   * False before the first rollups were built: the given refs stand for
   * themselves, their sub-groups unknown yet.
   */
  treeKnown: boolean;
}

/**
 * Groups with their sub-groups (children, their children, …) as the stored
 * rollups know them: each group rollup's `groupRefs`, the catalog's group
 * tree as of the last rollup rebuild, read in one query (not from the
 * rollup documents). The one answer for a campaign's
 * progress, the campaign routes (`?team=`, `?owner=`) and the scorecard
 * list's `includeSubgroups`, so they agree between rebuilds too. A ref
 * without a rollup (a user, a group the last rebuild did not see, any group
 * before the first rebuild) stands for itself, so its own entities count.
 */
export class StoredGroupTree {
  constructor(
    private readonly rollups: Pick<
      RollupStore,
      'readSubgroups' | 'rollupsBuilt'
    >,
  ) {}

  async withSubgroups(refs: string[]): Promise<GroupsWithSubgroups> {
    const tree = await this.rollups.readSubgroups(refs);
    const groupRefs = [
      ...new Set([...refs, ...refs.flatMap(ref => tree.get(ref) ?? [])]),
    ];
    // A missing rollup is a user or an unknown group once any rollup exists.
    const treeKnown =
      refs.every(ref => tree.has(ref)) || (await this.rollups.rollupsBuilt());
    return { groupRefs, treeKnown };
  }
}
