/** Entities waiting to be evaluated because their events changed. */
export interface EvaluationQueue {
  /** Marks entities for evaluation by the next run. */
  enqueueEvaluation(entityRefs: string[], at: Date): Promise<void>;
  /** Takes up to `limit` queued entities off the queue. */
  takeQueuedEvaluations(limit: number): Promise<string[]>;
}
