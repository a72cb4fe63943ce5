import { Knex } from 'knex';
import { isPostgres } from './isPostgres';
import { whereCheckState } from './whereCheckState';

/**
 * Restricts a query on `scorecards` to the rows where `checkId` is met only
 * through its exemption: exempt, and the state the exemption replaced
 * (`waived_check_states`) is not `pass`. A row evaluated before those
 * states were kept has none, and its exempt check counts as waived (as in
 * `isWaived`).
 */
export function whereWaived(
  db: Knex,
  query: Knex.QueryBuilder,
  checkId: string,
): Knex.QueryBuilder {
  whereCheckState(db, query, checkId, 'exempt');
  if (isPostgres(db)) {
    return query.whereRaw(
      "coalesce(waived_check_states::jsonb ->> ?, '') <> 'pass'",
      [checkId],
    );
  }
  // whereCheckState refused ids a quoted JSON path label cannot hold.
  return query.whereRaw(
    "coalesce(json_extract(waived_check_states, ?), '') <> 'pass'",
    [`$."${checkId}"`],
  );
}
