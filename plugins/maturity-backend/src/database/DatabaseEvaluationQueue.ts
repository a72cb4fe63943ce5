import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { EvaluationQueue, QueueLease } from './EvaluationQueue';
import { completeQueuedEvaluations } from './operations/evaluationQueue/completeQueuedEvaluations';
import { enqueueEvaluations } from './operations/evaluationQueue/enqueueEvaluations';
import { releaseQueuedEvaluations } from './operations/evaluationQueue/releaseQueuedEvaluations';
import { takeQueuedEvaluations } from './operations/evaluationQueue/takeQueuedEvaluations';

/** A lease taken without one given: long enough for a batch. */
const DEFAULT_LEASE_MS = 5 * 60_000;

/**
 * The evaluation queue on the plugin's own database: leased, not deleted,
 * until the entities' results are saved, and safe with several replicas
 * taking from it. Each method one operation of database/operations.
 * @internal
 */
export class DatabaseEvaluationQueue implements EvaluationQueue {
  constructor(private readonly db: Knex) {}

  enqueueEvaluation(entityRefs: string[], at: Date) {
    return enqueueEvaluations(this.db, entityRefs, at);
  }

  takeQueuedEvaluations(limit: number, lease = defaultLease()) {
    return takeQueuedEvaluations(this.db, limit, lease);
  }

  completeQueuedEvaluations(owner: string) {
    return completeQueuedEvaluations(this.db, owner);
  }

  releaseQueuedEvaluations(owner: string) {
    return releaseQueuedEvaluations(this.db, owner);
  }
}

function defaultLease(): QueueLease {
  const now = new Date();
  return {
    owner: randomUUID(),
    now,
    expiresAt: new Date(now.getTime() + DEFAULT_LEASE_MS),
  };
}
