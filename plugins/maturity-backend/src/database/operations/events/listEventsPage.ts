import { InputError } from '@backstage/errors';
import {
  MATURITY_EVENT_TYPES,
  MaturityEventPage,
  MaturityEventType,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { Knex } from 'knex';
import { fromEventRow } from '../../eventRows';
import { eventTables } from '../../eventTables';
import { ListEventsOptions } from '../../EventStore';

/** Position of the last item of a page, in (occurred_at desc, type, id desc). */
interface PageCursor {
  occurredAt: number;
  type: MaturityEventType;
  id: number;
}

function encodeCursor(cursor: PageCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(value: string): PageCursor {
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString());
    if (
      Number.isFinite(parsed.occurredAt) &&
      MATURITY_EVENT_TYPES.includes(parsed.type) &&
      Number.isInteger(parsed.id)
    ) {
      return parsed;
    }
  } catch {
    // fall through to the error below
  }
  throw new InputError('cursor: not a cursor returned by this API');
}

/**
 * One page of an entity's events of the given types, newest first, in the
 * order (occurred_at desc, type, id desc), from a cursor this returned.
 */
export async function listEventsPage(
  db: Knex,
  options: ListEventsOptions,
): Promise<MaturityEventPage> {
  const types = options.types?.length
    ? [...new Set(options.types)].sort()
    : [...MATURITY_EVENT_TYPES].sort();
  const cursor = options.cursor ? decodeCursor(options.cursor) : undefined;

  // Each table returns at most limit + 1 rows past the cursor; merging them
  // in the global order gives the page and tells whether another follows.
  const perType = await Promise.all(
    types.map(async type => {
      const spec = eventTables[type];
      const query = db(spec.table)
        .where('entity_ref', options.entityRef)
        .orderBy([
          { column: 'occurred_at', order: 'desc' },
          { column: 'id', order: 'desc' },
        ])
        .limit(options.limit + 1);
      if (options.from) {
        query.where('occurred_at', '>=', options.from.getTime());
      }
      if (options.to) {
        query.where('occurred_at', '<', options.to.getTime());
      }
      if (cursor) {
        if (type > cursor.type) {
          query.where('occurred_at', '<=', cursor.occurredAt);
        } else if (type < cursor.type) {
          query.where('occurred_at', '<', cursor.occurredAt);
        } else {
          query.where(inner =>
            inner
              .where('occurred_at', '<', cursor.occurredAt)
              .orWhere(same =>
                same
                  .where('occurred_at', '=', cursor.occurredAt)
                  .where('id', '<', cursor.id),
              ),
          );
        }
      }
      const rows = await query.select('*');
      return rows.map(row => ({ type, row }));
    }),
  );

  const merged = perType.flat().sort((a, b) => {
    const timeOrder = Number(b.row.occurred_at) - Number(a.row.occurred_at);
    if (timeOrder !== 0) return timeOrder;
    if (a.type !== b.type) return a.type < b.type ? -1 : 1;
    return Number(b.row.id) - Number(a.row.id);
  });
  const page = merged.slice(0, options.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(({ type, row }) => fromEventRow(type, row)),
    nextCursor:
      merged.length > options.limit && last
        ? encodeCursor({
            occurredAt: Number(last.row.occurred_at),
            type: last.type,
            id: Number(last.row.id),
          })
        : undefined,
  };
}
