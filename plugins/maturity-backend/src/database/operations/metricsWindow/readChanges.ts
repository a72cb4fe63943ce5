import { Knex } from 'knex';
import { MetricsWindow } from '../../MetricsWindow';
import { toFlag, toOptionalNumber, windowBindings } from './sqlValues';
import { selectBatchRows } from './selectBatchRows';

/** A change as the source-control metrics read it. */
export interface ChangeRecord {
  id: number;
  entityRef: string;
  kind: string;
  state: string;
  targetBranch?: string;
  sha?: string;
  authoredAt?: number;
  openedAt?: number;
  firstReviewAt?: number;
  approvedAt?: number;
  mergedAt?: number;
  occurredAt: number;
  reviewCount?: number;
  directPush?: boolean;
  touchesSource?: boolean;
  touchesTests?: boolean;
  referencesIssue: boolean;
  /** Merged in the window: whether a CI run exists for its merge commit. */
  mergeCommitBuilt?: boolean;
  /** Pull request merged in the window: status of its last run before merge. */
  lastRunStatusBeforeMerge?: string;
}

/**
 * The batch's changes authored, opened or merged in the window, with, for
 * those merged in it, whether their merge commit was built (by the window's
 * end) and how the last CI run on their commits before the merge ended, as
 * kept on their rows at ingest (see database/changeCiOutcomes). One
 * statement. Whether a change references an issue is decided by the
 * server: `linked_issues` holds a JSON list as ingest wrote it, and only
 * whether it is empty matters here.
 */
export async function readChanges(
  db: Knex,
  window: MetricsWindow,
): Promise<ChangeRecord[]> {
  return selectBatchRows(
    db,
    {
      sql: `
      select c.id, c.entity_ref, c.kind, c.state, c.target_branch, c.sha,
        c.authored_at, c.opened_at, c.first_review_at, c.approved_at,
        c.merged_at, c.occurred_at, c.review_count, c.direct_push,
        c.touches_source, c.touches_tests,
        case when c.linked_issues is not null and c.linked_issues <> '[]'
          then 1 else 0 end as references_issue,
        case when c.merged_at >= :from and c.merged_at < :to
          and c.sha is not null then
          case when c.merge_commit_built_at < :to then 1 else 0 end
        end as merge_commit_built,
        case when c.kind = 'pull_request'
          and c.merged_at >= :from and c.merged_at < :to
          then c.ci_status_at_merge
        end as last_run_status
      from changes c
      where c.entity_ref in (:entities)
        and (
          (c.merged_at >= :from and c.merged_at < :to)
          or (c.authored_at >= :from and c.authored_at < :to)
          or (c.occurred_at >= :from and c.occurred_at < :to)
        )
      `,
      bindings: windowBindings(db, window),
      columns: [
        'id',
        'entity_ref',
        'kind',
        'state',
        'target_branch',
        'sha',
        'authored_at',
        'opened_at',
        'first_review_at',
        'approved_at',
        'merged_at',
        'occurred_at',
        'review_count',
        'direct_push',
        'touches_source',
        'touches_tests',
        'references_issue',
        'merge_commit_built',
        'last_run_status',
      ],
    },
    row => ({
      id: Number(row.id),
      entityRef: String(row.entity_ref),
      kind: String(row.kind),
      state: String(row.state),
      targetBranch: (row.target_branch as string | null) ?? undefined,
      sha: (row.sha as string | null) ?? undefined,
      authoredAt: toOptionalNumber(row.authored_at),
      openedAt: toOptionalNumber(row.opened_at),
      firstReviewAt: toOptionalNumber(row.first_review_at),
      approvedAt: toOptionalNumber(row.approved_at),
      mergedAt: toOptionalNumber(row.merged_at),
      occurredAt: Number(row.occurred_at),
      reviewCount: toOptionalNumber(row.review_count),
      directPush: toFlag(row.direct_push),
      touchesSource: toFlag(row.touches_source),
      touchesTests: toFlag(row.touches_tests),
      referencesIssue: toFlag(row.references_issue) === true,
      mergeCommitBuilt: toFlag(row.merge_commit_built),
      lastRunStatusBeforeMerge:
        (row.last_run_status as string | null) ?? undefined,
    }),
  );
}
