import {
  EntityActivitySummary,
  RepoFactValue,
  IngestResult,
  MaturityEvent,
  MaturityEventPage,
  MaturityEventType,
  StoredMaturityEvent,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { ReadEventsByIdOptions } from './operations/events/readEventsById';

/**
 * Options for reading an entity's events.
 * @public
 */
export interface ListEventsOptions {
  entityRef: string;
  types?: MaturityEventType[];
  /** Inclusive lower bound on occurrence time. */
  from?: Date;
  /** Exclusive upper bound on occurrence time. */
  to?: Date;
  limit: number;
  /** Opaque cursor from a previous page. */
  cursor?: string;
}

/**
 * Where raw events live. Routers and the sources' sinks talk to this
 * interface, never to the database.
 * @public
 */
export interface EventStore {
  /**
   * Writes a batch of already validated events in one transaction: all of
   * them or none. Replays change nothing; a newer version of a stored event
   * replaces it; an older version is ignored. The same version with other
   * content replaces it too, unless `sameVersionChange` is `'reject'`: then
   * the batch fails with a ConflictError and writes nothing.
   */
  ingest(
    events: MaturityEvent[],
    options?: { sameVersionChange?: 'replace' | 'reject' },
  ): Promise<IngestResult>;

  /**
   * Refreshes the database's query planner statistics where nothing else
   * does (SQLite has no autovacuum); cheap when nothing grew much. Ingest
   * runs it after writing new records; evaluations before they start.
   */
  refreshPlannerStatistics(): Promise<void>;

  /** An entity's events, newest first, in keyset-paginated pages. */
  listEvents(options: ListEventsOptions): Promise<MaturityEventPage>;

  /**
   * An entity's events with the given ids (`deployment:123`), in the order
   * of the ids; ids not found are left out. What a check's evidence names.
   */
  readEventsById(
    options: ReadEventsByIdOptions,
  ): Promise<StoredMaturityEvent[]>;

  /** Counts and latest times of an entity's events in a window. */
  summarizeActivity(options: {
    entityRef: string;
    from: Date;
    to: Date;
  }): Promise<EntityActivitySummary>;

  /**
   * The latest value of every repository fact of each entity (across
   * sources, the latest observation wins).
   */
  getLatestRepoFacts(
    entityRefs: string[],
  ): Promise<Map<string, Record<string, RepoFactValue>>>;

  /** A source's stored sync position for a scope (an entity ref, or ''). */
  getSyncCursor(source: string, scope: string): Promise<string | undefined>;

  /** Moves a source's sync position; call only after its events are stored. */
  setSyncCursor(source: string, scope: string, cursor: string): Promise<void>;
}
