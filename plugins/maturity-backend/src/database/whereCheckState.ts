import { CheckState } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { Knex } from 'knex';
import { isPostgres } from './isPostgres';

/**
 * Restricts a query on `scorecards` (or `scorecard_history`) to the rows
 * whose stored `check_states` document, `{"<checkId>": "<state>", ...}`,
 * gives `checkId` the state `state`. The document is text on both engines:
 * PostgreSQL reads it as `jsonb`, SQLite through its JSON functions. The
 * check id goes in as a bound value; SQLite's JSON path quotes it, so ids
 * with dots (`test.3.e2e-tests`) are one key, not a path.
 */
export function whereCheckState(
  db: Knex,
  query: Knex.QueryBuilder,
  checkId: string,
  state: CheckState,
): Knex.QueryBuilder {
  if (isPostgres(db)) {
    return query.whereRaw('(check_states::jsonb ->> ?) = ?', [checkId, state]);
  }
  if (/["\\]/.test(checkId)) {
    // A quoted JSON path label cannot hold these; no check id does.
    throw new Error(`Check id ${JSON.stringify(checkId)} cannot be queried`);
  }
  return query.whereRaw('json_extract(check_states, ?) = ?', [
    `$."${checkId}"`,
    state,
  ]);
}
