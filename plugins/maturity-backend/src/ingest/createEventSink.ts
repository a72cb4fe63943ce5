import {
  MaturityEventSink,
  SourceEvent,
} from '@maturity-for-backstage/backstage-plugin-maturity-node';
import { EventStore } from '../database/EventStore';
import { normalizeEventBatch } from './normalizeEventBatch';
import { validateEventBatch } from './validateEventBatch';

/**
 * A sink bound to one source: its events get that source, go through the
 * same schema and semantic checks as the ingest API, and are written all or
 * nothing.
 */
export function createEventSink(
  store: EventStore,
  source: string,
  onIngested?: (entityRefs: string[]) => Promise<void>,
): MaturityEventSink {
  return {
    async write(events: SourceEvent[]) {
      if (events.length === 0) {
        return { created: 0, updated: 0, unchanged: 0 };
      }
      const batch = validateEventBatch(
        { events: events.map(event => ({ ...event, source })) },
        Number.POSITIVE_INFINITY,
      );
      const normalized = normalizeEventBatch(batch);
      const result = await store.ingest(normalized);
      if (onIngested && result.created + result.updated > 0) {
        await onIngested([...new Set(normalized.map(e => e.entityRef))]);
      }
      return result;
    },
    getCursor: scope => store.getSyncCursor(source, scope),
    setCursor: (scope, cursor) => store.setSyncCursor(source, scope, cursor),
  };
}
