/** Bounds on the per-item look-ups of one repository's sync. */
export interface SyncLimits {
  /** Completed runs whose jobs are read for step kinds. Default 200. */
  jobLookups: number;
  /**
   * Pull requests whose reviews, commits and changed files are read (one
   * GraphQL query per 100). Default 1,000.
   */
  pullDetails: number;
  /** Per-item look-ups in flight at once within a repository. Default 4. */
  concurrency: number;
}

/** The limits of a sync that sets none. */
export const DEFAULT_SYNC_LIMITS: SyncLimits = {
  jobLookups: 200,
  pullDetails: 1000,
  concurrency: 4,
};
