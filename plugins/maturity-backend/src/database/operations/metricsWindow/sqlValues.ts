import { Knex } from 'knex';
import { isPostgres } from '../../isPostgres';
import { MetricsWindow } from '../../MetricsWindow';

/**
 * A comma-separated list of bound values for `in (...)`, to embed as a
 * binding of a raw statement. Never call it with an empty list.
 */
export function sqlValueList(
  db: Knex,
  values: ReadonlyArray<string | number>,
): Knex.Raw {
  return db.raw(values.map(() => '?').join(', '), [...values]);
}

/** A nullable bigint column value as a number (PostgreSQL returns strings). */
export function toOptionalNumber(value: unknown): number | undefined {
  return value === null || value === undefined ? undefined : Number(value);
}

/** A boolean column value (SQLite returns 0/1). */
export function toFlag(value: unknown): boolean | undefined {
  return value === null || value === undefined
    ? undefined
    : value === true || Number(value) === 1;
}

/** The rows of a raw statement's result, on either database. */
export function resultRows<T>(result: unknown): T[] {
  return Array.isArray(result) ? result : (result as { rows: T[] }).rows;
}

/**
 * A row source of entity refs with one column, `ref`, to embed in a FROM
 * clause: one bound array instead of one binding per ref, so per-entity
 * subqueries (`exists (...)`) probe an index once per entity instead of
 * scanning every row of the batch.
 */
export function entityRefRows(db: Knex, refs: ReadonlyArray<string>): Knex.Raw {
  if (isPostgres(db)) {
    return db.raw('(select unnest(?::text[]) as ref)', [[...refs]]);
  }
  return db.raw('(select value as ref from json_each(?))', [
    JSON.stringify(refs),
  ]);
}

/**
 * The bindings every batch read of a window has: `:entities` (the batch's
 * refs, for `in (:entities)`), `:from` and `:to` (epoch milliseconds).
 */
export function windowBindings(db: Knex, window: MetricsWindow) {
  return {
    entities: sqlValueList(
      db,
      window.entities.map(e => e.entityRef),
    ),
    from: window.from.getTime(),
    to: window.to.getTime(),
  };
}
