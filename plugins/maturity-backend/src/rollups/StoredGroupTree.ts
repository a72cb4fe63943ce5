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
 * tree as of the last rollup rebuild. The one answer for a campaign's
 * progress, the campaign routes (`?team=`, `?owner=`) and the scorecard
 * list's `includeSubgroups`, so they agree between rebuilds too. A ref
 * without a rollup (a user, a group the last rebuild did not see, any group
 * before the first rebuild) stands for itself, so its own entities count.
 */
export class StoredGroupTree {
  constructor(private readonly rollups: Pick<RollupStore, 'getRollup'>) {}

  async withSubgroups(refs: string[]): Promise<GroupsWithSubgroups> {
    const rollups = await Promise.all(
      refs.map(ref => this.rollups.getRollup(ref)),
    );
    const groupRefs = [
      ...new Set([...refs, ...rollups.flatMap(r => r?.groupRefs ?? [])]),
    ];
    // A missing rollup is a user or an unknown group once any rollup exists.
    const treeKnown =
      rollups.every(r => r !== undefined) ||
      (await this.rollups.getRollup('org')) !== undefined;
    return { groupRefs, treeKnown };
  }
}
