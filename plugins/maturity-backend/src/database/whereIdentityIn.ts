import { Knex } from 'knex';
import { EventTable } from './eventTables';

/**
 * Restricts a query on an event table to the records of `rows`, by the
 * table's unique identity. Rows are grouped by all identity columns but the
 * last, giving `(source = ? and external_id in (...)) or ...`: one index
 * range per group, usually one group per batch. (A row-value list,
 * `(source, external_id) in ((?, ?), ...)`, makes PostgreSQL scan the
 * whole table.)
 */
export function whereIdentityIn(
  query: Knex.QueryBuilder,
  spec: EventTable,
  rows: ReadonlyArray<Record<string, unknown>>,
): Knex.QueryBuilder {
  const prefix = spec.identity.slice(0, -1);
  const last = spec.identity[spec.identity.length - 1];
  const groups = new Map<string, { prefix: unknown[]; values: unknown[] }>();
  for (const row of rows) {
    const values = prefix.map(column => row[column]);
    const key = JSON.stringify(values);
    const group = groups.get(key) ?? { prefix: values, values: [] };
    group.values.push(row[last]);
    groups.set(key, group);
  }
  return query.where(outer => {
    for (const group of groups.values()) {
      outer.orWhere(inner => {
        prefix.forEach((column, i) =>
          inner.where(column, group.prefix[i] as Knex.Value),
        );
        inner.whereIn(last, group.values as Knex.Value[]);
      });
    }
  });
}
