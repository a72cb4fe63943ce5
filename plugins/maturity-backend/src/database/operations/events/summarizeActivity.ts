import {
  EntityActivitySummary,
  MATURITY_EVENT_TYPES,
  MaturityEventType,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { Knex } from 'knex';
import { eventTables } from '../../eventTables';

/** How many events of each type an entity had in [from, to), and the latest. One statement. */
export async function summarizeActivity(
  db: Knex,
  options: {
    entityRef: string;
    from: Date;
    to: Date;
  },
): Promise<EntityActivitySummary> {
  const from = options.from.getTime();
  const to = options.to.getTime();
  const [first, ...rest] = MATURITY_EVENT_TYPES.map(type =>
    db(eventTables[type].table)
      .where('entity_ref', options.entityRef)
      .where('occurred_at', '>=', from)
      .where('occurred_at', '<', to)
      .select(
        db.raw('? as type', [type]),
        db.raw('count(*) as n'),
        db.raw('max(occurred_at) as latest'),
      ),
  );
  const rows: Array<{
    type: MaturityEventType;
    n: unknown;
    latest: unknown;
  }> = await first.unionAll(rest);

  const summary: EntityActivitySummary = {
    entityRef: options.entityRef,
    from: options.from.toISOString(),
    to: options.to.toISOString(),
    counts: Object.fromEntries(
      MATURITY_EVENT_TYPES.map(type => [type, 0]),
    ) as EntityActivitySummary['counts'],
    latest: {},
  };
  for (const row of rows) {
    summary.counts[row.type] = Number(row.n);
    if (row.latest !== null && row.latest !== undefined) {
      summary.latest[row.type] = new Date(Number(row.latest)).toISOString();
    }
  }
  return summary;
}
