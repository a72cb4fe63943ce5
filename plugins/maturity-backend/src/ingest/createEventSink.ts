import {
  MaturityEventSink,
  SourceEvent,
} from '@maturity-for-backstage/backstage-plugin-maturity-node';
import { EventStore } from '../database/EventStore';
import { IngestDestination, ingestEvents } from './ingestEvents';

/**
 * A sink bound to one source: its events get that source and take the
 * ingest API's path (`ingestEvents`), without its batch size limit; a newer
 * read of the same version replaces what is stored.
 */
export function createEventSink(
  destination: IngestDestination & {
    events: Pick<EventStore, 'getSyncCursor' | 'setSyncCursor'>;
  },
  source: string,
): MaturityEventSink {
  const store = destination.events;
  return {
    async write(events: SourceEvent[]) {
      if (events.length === 0) {
        return { created: 0, updated: 0, unchanged: 0 };
      }
      return ingestEvents(
        destination,
        { events: events.map(event => ({ ...event, source })) },
        {
          maxEvents: Number.POSITIVE_INFINITY,
          sameVersionChange: 'replace',
        },
      );
    },
    getCursor: scope => store.getSyncCursor(source, scope),
    setCursor: (scope, cursor) => store.setSyncCursor(source, scope, cursor),
  };
}
