/** When the shards of the full evaluation completed. */
export interface ShardCompletions {
  /**
   * Records that a shard (`index` of `count`) completed a run at `at`, and
   * returns whether that completes a cadence: every shard has completed
   * since the cadence before. Exactly one completion per cadence returns
   * true, whichever replica ran it.
   */
  completeShard(index: number, count: number, at: Date): Promise<boolean>;
}
