import {
  MATURITY_EVENT_TYPES,
  MaturityEventType,
  StoredMaturityEvent,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { Knex } from 'knex';
import { fromEventRow } from '../../eventRows';
import { eventTables } from '../../eventTables';

/**
 * What `EventStore.readEventsById` reads: events of one entity by id.
 *
 * @public
 */
export interface ReadEventsByIdOptions {
  /** Only this entity's events; ids of other entities are left out. */
  entityRef: string;
  /** Stored event ids, `deployment:123`; unknown types and forms are left out. */
  ids: readonly string[];
  /** Inclusive lower bound on occurrence time. */
  from?: Date;
  /** Exclusive upper bound on occurrence time. */
  to?: Date;
}

const STORED_ID = /^([a-z_]+):([1-9]\d{0,15})$/;

/**
 * The stored events behind evidence ids, in the order of the ids (each once).
 * One statement per event table the ids name, whatever the number of ids;
 * ids not found (another entity's, outside the window, deleted) are left out.
 */
export async function readEventsById(
  db: Knex,
  options: ReadEventsByIdOptions,
): Promise<StoredMaturityEvent[]> {
  const rowIdsByType = new Map<MaturityEventType, number[]>();
  for (const id of new Set(options.ids)) {
    const match = STORED_ID.exec(id);
    const type = match?.[1] as MaturityEventType | undefined;
    if (match && type && MATURITY_EVENT_TYPES.includes(type)) {
      rowIdsByType.set(type, [
        ...(rowIdsByType.get(type) ?? []),
        Number(match[2]),
      ]);
    }
  }

  const perType = await Promise.all(
    Array.from(rowIdsByType, async ([type, rowIds]) => {
      const query = db(eventTables[type].table)
        .where('entity_ref', options.entityRef)
        .whereIn('id', rowIds);
      if (options.from) {
        query.where('occurred_at', '>=', options.from.getTime());
      }
      if (options.to) {
        query.where('occurred_at', '<', options.to.getTime());
      }
      const rows: Record<string, unknown>[] = await query.select('*');
      return rows.map(row => fromEventRow(type, row));
    }),
  );

  const found = new Map(perType.flat().map(event => [event.id, event]));
  return [...new Set(options.ids)].flatMap(id => {
    const event = found.get(id);
    return event ? [event] : [];
  });
}
