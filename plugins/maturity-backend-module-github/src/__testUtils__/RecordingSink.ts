import { IngestResult } from '@internal/plugin-maturity-common';
import { MaturityEventSink, SourceEvent } from '@internal/plugin-maturity-node';

/**
 * An in-memory sink with the real one's rules that matter here: all or
 * nothing, replays unchanged, a newer version replaces.
 */
export class RecordingSink implements MaturityEventSink {
  readonly events = new Map<string, SourceEvent>();
  readonly cursors = new Map<string, string>();
  readonly writes: SourceEvent[][] = [];
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
