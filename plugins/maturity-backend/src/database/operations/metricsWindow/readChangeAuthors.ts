import { Knex } from 'knex';
import { MetricsWindow } from '../../MetricsWindow';
import { windowBindings } from './sqlValues';
import { selectBatchRows } from './selectBatchRows';

/** An author of an entity's changes, and the windows they authored in. */
export interface ChangeAuthor {
  entityRef: string;
  author: string;
  inPreviousWindow: boolean;
  inWindow: boolean;
  /** The latest change of the author in the window, for evidence. */
  latestChangeId?: number;
}

/**
 * The distinct authors of the batch's changes in the previous window
 * [previousFrom, from) and the window [from, to), by first commit time (else
 * opened or merged time; a change is never opened or merged before its first
 * commit). Aggregated in SQL; one statement.
 */
export async function readChangeAuthors(
  db: Knex,
  window: MetricsWindow & { previousFrom: Date },
): Promise<ChangeAuthor[]> {
  return selectBatchRows(
    db,
    {
      sql: `
      select entity_ref, author,
        max(case when authored < :from then 1 else 0 end) as in_previous,
        max(case when authored >= :from then 1 else 0 end) as in_window,
        max(case when authored >= :from then id end) as latest_change_id
      from (
        select id, entity_ref, author,
          coalesce(authored_at, occurred_at) as authored
        from changes
        where entity_ref in (:entities) and author is not null
          and occurred_at >= :previousFrom
      ) authored_changes
      where authored >= :previousFrom and authored < :to
      group by entity_ref, author
      `,
      bindings: {
        ...windowBindings(db, window),
        previousFrom: window.previousFrom.getTime(),
      },
      columns: [
        'entity_ref',
        'author',
        'in_previous',
        'in_window',
        'latest_change_id',
      ],
    },
    row => ({
      entityRef: String(row.entity_ref),
      author: String(row.author),
      inPreviousWindow: Number(row.in_previous) === 1,
      inWindow: Number(row.in_window) === 1,
      latestChangeId:
        row.latest_change_id === null
          ? undefined
          : Number(row.latest_change_id),
    }),
  );
}
