import { Rollup } from '@maturity-for-backstage/backstage-plugin-maturity-common';

/** The rollups per group, system, domain and the organisation. */
export interface RollupStore {
  /** Replaces every rollup with these, in one transaction. */
  replaceRollups(rollups: Rollup[]): Promise<void>;
  getRollup(scopeRef: string): Promise<Rollup | undefined>;
  /**
   * The stored group tree for these refs, in one read: per ref with a group
   * rollup, the group itself and the groups below it (its `groupRefs`).
   */
  readSubgroups(groupRefs: string[]): Promise<Map<string, string[]>>;
  /** Whether rollups were built (the organisation's is stored). */
  rollupsBuilt(): Promise<boolean>;
}
