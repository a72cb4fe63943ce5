/**
 * A run's hold on the queued entities it took: until `expiresAt` no other
 * run takes them; after it (the run died) any run may.
 */
export interface QueueLease {
  /** Unique per run (or per batch of a run). */
  owner: string;
  /** When the queue rows were taken. */
  now: Date;
  expiresAt: Date;
}

/** Entities waiting to be evaluated because their events changed. */
export interface EvaluationQueue {
  /**
   * Marks entities for evaluation by the next run. An entity already taken
   * by a run is queued again (its lease ends): the run that holds it will
   * not remove it.
   */
  enqueueEvaluation(entityRefs: string[], at: Date): Promise<void>;
  /**
   * Takes up to `limit` queued entities, oldest first, that no run holds
   * (or whose lease expired), under the given lease. They stay queued
   * until `completeQueuedEvaluations`.
   */
  takeQueuedEvaluations(limit: number, lease?: QueueLease): Promise<string[]>;
  /**
   * Removes the entities the lease's owner took, once their results are
   * saved; those queued again meanwhile stay.
   */
  completeQueuedEvaluations(owner: string): Promise<void>;
  /** Gives the owner's entities back to the queue at once (its run failed). */
  releaseQueuedEvaluations(owner: string): Promise<void>;
}
