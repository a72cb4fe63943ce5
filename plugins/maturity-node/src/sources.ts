import { createExtensionPoint } from '@backstage/backend-plugin-api';
import {
  IngestResult,
  MaturityEvent,
  MaturityEventType,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';

/**
 * An event without its `source`: the sink stamps the source it belongs to.
 * @public
 */
export type SourceEvent = MaturityEvent extends infer E
  ? E extends MaturityEvent
    ? Omit<E, 'source'>
    : never
  : never;

/**
 * Where a source writes: the same validation and idempotent store path as
 * the ingest API, plus the source's own sync positions.
 * @public
 */
export interface MaturityEventSink {
  /**
   * Validates and writes events, all or nothing. Replays change nothing; a
   * newer version of a stored event replaces it. Throws an InputError naming
   * `events[i].field` for invalid events.
   */
  write(events: SourceEvent[]): Promise<IngestResult>;
  /** The stored sync position for a scope (an entity ref, or '' for all). */
  getCursor(scope: string): Promise<string | undefined>;
  /** Moves a sync position; call only after the events before it are written. */
  setCursor(scope: string, cursor: string): Promise<void>;
}

/**
 * A tool the Maturity plugin collects events from.
 * @public
 */
export interface MaturityEventSource {
  /** The `source` of its events, e.g. `github`. Letters, digits, `.`, `_`, `-`. */
  readonly id: string;
  /**
   * The kinds of event it writes. An entity mapped to a source that
   * collects incidents counts as connected to an incident tool even before
   * its first incident, so zero incidents is a real 0% change failure rate.
   */
  readonly collects?: ReadonlyArray<MaturityEventType>;
  /**
   * The catalog annotations it maps entities to its own ids by, e.g.
   * `github.com/project-slug`.
   */
  readonly entityAnnotations?: ReadonlyArray<string>;
  /**
   * Called once when the plugin starts, with a sink bound to this source. A
   * source typically schedules its collection here.
   */
  connect(sink: MaturityEventSink): Promise<void>;
}

/**
 * Lets backend modules add event sources to the Maturity plugin.
 * @public
 */
export interface MaturitySourcesExtensionPoint {
  addSource(...sources: MaturityEventSource[]): void;
}

/**
 * The extension point for {@link MaturitySourcesExtensionPoint}.
 * @public
 */
export const maturitySourcesExtensionPoint =
  createExtensionPoint<MaturitySourcesExtensionPoint>({
    id: 'maturity.sources',
  });
