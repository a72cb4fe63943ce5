import { Rollup } from '@maturity-for-backstage/backstage-plugin-maturity-common';

/** The rollups per group, system, domain and the organisation. */
export interface RollupStore {
  /** Replaces every rollup with these, in one transaction. */
  replaceRollups(rollups: Rollup[]): Promise<void>;
  getRollup(scopeRef: string): Promise<Rollup | undefined>;
}
