import { MetricValue } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { activeDaysPerWeek } from './calendarWeeks';
import { EntityEvents, evidenceId } from './EntityEvents';
import { evidenceOf, metricValue, notApplicable, share } from './metricValue';
import { ChangeRecord } from '../database/MetricsWindowReader';
import { HOUR_MS } from '../durations';
import { median } from '../sampleStatistics';

type SourceControlMetricId =
  | 'pr_review_coverage'
  | 'pr_open_to_merge'
  | 'pr_green_at_merge_share'
  | 'pr_test_touch_share'
  | 'pr_issue_link_share'
  | 'direct_pushes'
  | 'commit_days_per_week'
  | 'author_continuity';

const changeId = (c: ChangeRecord) => evidenceId('change', c.id);
const changeIds = (changes: ChangeRecord[]) => evidenceOf(changes, changeId);

/** Reviewed before merge: a review count, or a review or approval time. */
const reviewed = (c: ChangeRecord) =>
  (c.reviewCount ?? 0) > 0 ||
  (c.firstReviewAt !== undefined && c.firstReviewAt <= c.mergedAt!) ||
  (c.approvedAt !== undefined && c.approvedAt <= c.mergedAt!);

/**
 * Source-control metrics of one entity: pull request practice over the pull
 * requests merged in the window, direct pushes, commit days per week and
 * author continuity.
 */
export function sourceControlMetrics(
  events: EntityEvents,
): Record<SourceControlMetricId, MetricValue> {
  const { from, to } = events;
  const within = (t: number | undefined) =>
    t !== undefined && t >= from && t < to;

  const directPushes = events.changes
    .filter(c => c.directPush === true && within(c.mergedAt ?? c.occurredAt))
    .sort((a, b) => b.occurredAt - a.occurredAt || b.id - a.id);
  const directPushCount = metricValue('direct_pushes', {
    sampleSize: directPushes.length,
    value: directPushes.length,
    evidence: changeIds(directPushes),
  });
  if (!events.presence.changes) {
    return {
      direct_pushes: directPushCount,
      pr_review_coverage: notApplicable('pr_review_coverage'),
      pr_open_to_merge: notApplicable('pr_open_to_merge'),
      pr_green_at_merge_share: notApplicable('pr_green_at_merge_share'),
      pr_test_touch_share: notApplicable('pr_test_touch_share'),
      pr_issue_link_share: notApplicable('pr_issue_link_share'),
      commit_days_per_week: notApplicable('commit_days_per_week'),
      author_continuity: notApplicable('author_continuity'),
    };
  }

  const merged = events.changes
    .filter(
      c =>
        c.kind === 'pull_request' && c.state === 'merged' && within(c.mergedAt),
    )
    .sort((a, b) => b.mergedAt! - a.mergedAt! || b.id - a.id);
  const opened = merged.filter(c => c.openedAt !== undefined);
  const touchingSource = merged.filter(c => c.touchesSource === true);

  const activity = events.changes
    .filter(c => within(c.authoredAt) || within(c.mergedAt))
    .sort((a, b) => b.occurredAt - a.occurredAt || b.id - a.id);
  const calendar = activeDaysPerWeek(
    activity.flatMap(
      c => [c.authoredAt, c.mergedAt].filter(within) as number[],
    ),
    from,
    to,
  );

  const previousAuthors = events.authors.filter(a => a.inPreviousWindow);
  const continuing = previousAuthors.filter(a => a.inWindow);

  return {
    direct_pushes: directPushCount,
    pr_review_coverage: metricValue(
      'pr_review_coverage',
      share(merged, merged.filter(reviewed), changeId),
    ),
    pr_open_to_merge: metricValue('pr_open_to_merge', {
      sampleSize: opened.length,
      value: median(opened.map(c => (c.mergedAt! - c.openedAt!) / HOUR_MS)),
      evidence: changeIds(opened),
    }),
    pr_green_at_merge_share: events.presence.builds
      ? metricValue(
          'pr_green_at_merge_share',
          share(
            merged,
            merged.filter(c => c.lastRunStatusBeforeMerge === 'success'),
            changeId,
          ),
        )
      : notApplicable('pr_green_at_merge_share'),
    pr_test_touch_share: metricValue(
      'pr_test_touch_share',
      share(
        touchingSource,
        touchingSource.filter(c => c.touchesTests === true),
        changeId,
      ),
    ),
    pr_issue_link_share: metricValue(
      'pr_issue_link_share',
      share(
        merged,
        merged.filter(c => c.referencesIssue),
        changeId,
      ),
    ),
    commit_days_per_week: metricValue('commit_days_per_week', {
      sampleSize: calendar.weeks,
      value: median(calendar.daysPerWeek),
      evidence: changeIds(activity),
    }),
    author_continuity: metricValue('author_continuity', {
      sampleSize: previousAuthors.length,
      value: previousAuthors.length
        ? continuing.length / previousAuthors.length
        : undefined,
      evidence: continuing.flatMap(a =>
        a.latestChangeId === undefined
          ? []
          : [evidenceId('change', a.latestChangeId)],
      ),
    }),
  };
}
