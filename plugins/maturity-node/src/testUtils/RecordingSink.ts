import { IngestResult } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { MaturityEventSink, SourceEvent } from '../sources';

/**
 * An in-memory {@link MaturityEventSink} for
 * source tests, with the real one's rules that matter to a source: a write
 * is all or nothing, a replay changes nothing, a newer version (by
 * `updatedAt`, or the same `updatedAt` with other content) replaces. Events
 * are keyed by type and external id, or by type, entity and fact for facts.
 * @public
 */
export class RecordingSink implements MaturityEventSink {
  /** The stored events by key. */
  readonly events = new Map<string, SourceEvent>();
  /** The stored sync positions by scope. */
  readonly cursors = new Map<string, string>();
  /** Every accepted write, in order. */
  readonly writes: SourceEvent[][] = [];
  /** Makes the next write fail with this error, storing nothing. */
  failNextWrite?: Error;

  async write(events: SourceEvent[]): Promise<IngestResult> {
    if (this.failNextWrite) {
      const error = this.failNextWrite;
      this.failNextWrite = undefined;
      throw error;
    }
    this.writes.push(events);
    const result = { created: 0, updated: 0, unchanged: 0 };
    for (const event of events) {
      const key =
        'externalId' in event
          ? `${event.type}:${event.externalId}`
          : `${event.type}:${event.entityRef}:${event.fact}`;
      const old = this.events.get(key);
      if (!old) {
        result.created++;
      } else if (
        Date.parse(event.updatedAt ?? '') > Date.parse(old.updatedAt ?? '') ||
        (event.updatedAt === old.updatedAt &&
          JSON.stringify(event) !== JSON.stringify(old))
      ) {
        result.updated++;
      } else {
        result.unchanged++;
        continue;
      }
      this.events.set(key, event);
    }
    return result;
  }

  async getCursor(scope: string) {
    return this.cursors.get(scope);
  }

  async setCursor(scope: string, cursor: string) {
    this.cursors.set(scope, cursor);
  }
}
