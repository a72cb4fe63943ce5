import { MetricValue } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { EntityEvents, evidenceId } from './EntityEvents';
import {
  evidenceOfNewest,
  metricValue,
  notApplicable,
  share,
} from './metricValue';
import { BuildRecord } from '../database/MetricsWindowReader';
import { HOUR_MS, MINUTE_MS } from '../durations';
import { median } from '../sampleStatistics';

type CiMetricId =
  | 'ci_runs'
  | 'ci_default_branch_success_rate'
  | 'ci_default_branch_duration'
  | 'ci_pr_pipeline_duration'
  | 'ci_time_to_green'
  | 'ci_default_branch_commit_build_share';

/** Branch names taken as the default branch when no run says which it is. */
const FALLBACK_DEFAULT_BRANCHES = ['main', 'master'];

const buildId = (b: BuildRecord) => evidenceId('build', b.id);

const finished = (b: BuildRecord) =>
  (b.status === 'success' || b.status === 'failure') &&
  b.finishedAt !== undefined;

const endOf = (b: BuildRecord) => b.finishedAt ?? b.startedAt;

function medianMinutes(id: CiMetricId, builds: BuildRecord[]): MetricValue {
  return metricValue(id, {
    sampleSize: builds.length,
    value: median(builds.map(b => (b.finishedAt! - b.startedAt) / MINUTE_MS)),
    evidence: evidenceOfNewest(builds, buildId),
  });
}

/**
 * Red spells of the default branch, per pipeline: from the first failed run
 * after a green one (or the window's start) to the next successful run, for
 * the spells that ended in the window. Hours, with the run that went red.
 */
function redSpells(
  builds: BuildRecord[],
): Array<{ red: BuildRecord; hours: number }> {
  const byPipeline = new Map<string, BuildRecord[]>();
  for (const b of builds) {
    const key = b.pipeline ?? '';
    const runs = byPipeline.get(key);
    if (runs) {
      runs.push(b);
    } else {
      byPipeline.set(key, [b]);
    }
  }
  const spells: Array<{ red: BuildRecord; hours: number }> = [];
  for (const runs of byPipeline.values()) {
    let red: BuildRecord | undefined;
    for (const run of runs) {
      if (run.status === 'failure' && !red) {
        red = run;
      } else if (run.status === 'success' && red) {
        spells.push({ red, hours: (endOf(run) - endOf(red)) / HOUR_MS });
        red = undefined;
      }
    }
  }
  return spells;
}

/**
 * CI metrics of one entity, from its runs started in the window (oldest
 * first) and its changes merged in the window.
 */
export function ciMetrics(
  events: EntityEvents,
): Record<CiMetricId, MetricValue> {
  const { builds } = events;
  const ciRuns = metricValue('ci_runs', {
    sampleSize: builds.length,
    value: builds.length,
    evidence: evidenceOfNewest(builds, buildId),
  });
  if (!events.presence.builds) {
    return {
      ci_runs: ciRuns,
      ci_default_branch_success_rate: notApplicable(
        'ci_default_branch_success_rate',
      ),
      ci_default_branch_duration: notApplicable('ci_default_branch_duration'),
      ci_pr_pipeline_duration: notApplicable('ci_pr_pipeline_duration'),
      ci_time_to_green: notApplicable('ci_time_to_green'),
      ci_default_branch_commit_build_share: notApplicable(
        'ci_default_branch_commit_build_share',
      ),
    };
  }

  const defaultBranch = builds.filter(b => b.isDefaultBranch);
  const decided = defaultBranch
    .filter(b => b.status === 'success' || b.status === 'failure')
    .reverse();
  const spells = redSpells(defaultBranch);

  const defaultBranches = new Set(
    defaultBranch.flatMap(b => (b.branch ? [b.branch] : [])),
  );
  const branches = defaultBranches.size
    ? defaultBranches
    : new Set(FALLBACK_DEFAULT_BRANCHES);
  const landed = events.changes
    .filter(
      c =>
        c.state === 'merged' &&
        c.sha !== undefined &&
        c.mergedAt !== undefined &&
        c.mergedAt >= events.from &&
        c.mergedAt < events.to &&
        (c.directPush === true ||
          (c.targetBranch !== undefined && branches.has(c.targetBranch))),
    )
    .sort((a, b) => b.mergedAt! - a.mergedAt! || b.id - a.id);
  const changeId = (c: (typeof landed)[number]) => evidenceId('change', c.id);
  const built = landed.filter(c => c.mergeCommitBuilt);

  return {
    ci_runs: ciRuns,
    ci_default_branch_success_rate: metricValue(
      'ci_default_branch_success_rate',
      share(
        decided,
        decided.filter(b => b.status === 'success'),
        buildId,
        decided,
      ),
    ),
    ci_default_branch_duration: medianMinutes(
      'ci_default_branch_duration',
      defaultBranch.filter(finished),
    ),
    ci_pr_pipeline_duration: medianMinutes(
      'ci_pr_pipeline_duration',
      builds.filter(b => b.trigger === 'pull_request' && finished(b)),
    ),
    ci_time_to_green: metricValue('ci_time_to_green', {
      sampleSize: spells.length,
      value: median(spells.map(s => s.hours)),
      evidence: evidenceOfNewest(
        spells.map(s => s.red),
        buildId,
      ),
    }),
    ci_default_branch_commit_build_share: metricValue(
      'ci_default_branch_commit_build_share',
      share(landed, built, changeId, [
        ...landed.filter(c => !c.mergeCommitBuilt),
        ...built,
      ]),
    ),
  };
}
