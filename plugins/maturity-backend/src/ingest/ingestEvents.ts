import {
  IngestResult,
  MaturityEvent,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { EvaluationQueue } from '../database/EvaluationQueue';
import { EventStore } from '../database/EventStore';
import { retryOnContention } from '../database/retryOnContention';
import { normalizeEventBatch } from './normalizeEventBatch';
import { validateEventBatch } from './validateEventBatch';

/**
 * Where ingested events go: the event store, and the queue the entities
 * whose events changed join for evaluation (none in tests of the store).
 * @internal
 */
export interface IngestDestination {
  events: Pick<EventStore, 'ingest'>;
  evaluationQueue?: Pick<EvaluationQueue, 'enqueueEvaluation'>;
}

/**
 * How one caller's batches are ingested.
 * @internal
 */
export interface IngestOptions {
  /** Most events one batch may hold. */
  maxEvents: number;
  /**
   * What a stored event's same version with other content does: the ingest
   * API refuses it (409), a source module's newer read replaces it.
   */
  sameVersionChange: 'replace' | 'reject';
  /**
   * Refuses events the caller may not write, by throwing; runs on the
   * normalized events, before anything is written.
   */
  assertMayWrite?: (events: MaturityEvent[]) => void;
}

/**
 * The one path of events into the store, for the ingest API and every
 * source's sink alike: the spec's schema and bounds, the semantic rules and
 * one spelling (`normalizeEventBatch`), the caller's rights, then an all or
 * nothing write; the entities whose events changed are queued for
 * evaluation.
 * @internal
 */
export async function ingestEvents(
  destination: IngestDestination,
  body: unknown,
  options: IngestOptions,
): Promise<IngestResult> {
  const batch = validateEventBatch(body, options.maxEvents);
  const events = normalizeEventBatch(batch);
  options.assertMayWrite?.(events);
  const result = await destination.events.ingest(events, {
    sameVersionChange: options.sameVersionChange,
  });
  if (destination.evaluationQueue && result.created + result.updated > 0) {
    const { evaluationQueue } = destination;
    // Sorted: concurrent writers upsert the queue's rows in one order.
    const entityRefs = [...new Set(events.map(e => e.entityRef))].sort();
    await retryOnContention(() =>
      evaluationQueue.enqueueEvaluation(entityRefs, new Date()),
    );
  }
  return result;
}
