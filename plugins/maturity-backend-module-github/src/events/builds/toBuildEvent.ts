import {
  BuildEvent,
  BuildStatus,
  BuildStepKind,
  BuildTrigger,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { GithubWorkflowRun } from '../../api/types';
import { Unbound } from '../forEntities';
import { later } from '../../api/githubTimes';

const TRIGGERS: Record<string, BuildTrigger> = {
  push: 'push',
  pull_request: 'pull_request',
  pull_request_target: 'pull_request',
  merge_group: 'pull_request',
  schedule: 'schedule',
  workflow_dispatch: 'manual',
  repository_dispatch: 'other',
};

const CONCLUSIONS: Record<string, BuildStatus> = {
  success: 'success',
  neutral: 'success',
  failure: 'failure',
  timed_out: 'failure',
  startup_failure: 'failure',
  action_required: 'failure',
  cancelled: 'cancelled',
  stale: 'cancelled',
  skipped: 'skipped',
};

function buildStatus(run: GithubWorkflowRun): BuildStatus {
  if (run.status === 'completed') {
    return CONCLUSIONS[run.conclusion ?? ''] ?? 'failure';
  }
  return run.status === 'in_progress' ? 'running' : 'queued';
}

/** A workflow run as a build. */
export function toBuildEvent(
  run: GithubWorkflowRun,
  defaultBranch: string,
  steps?: BuildStepKind[],
): Unbound<BuildEvent> {
  const startedAt = run.run_started_at ?? run.created_at;
  const completed = run.status === 'completed';
  return {
    type: 'build',
    externalId: String(run.id),
    ...(run.name ? { pipeline: run.name.slice(0, 255) } : {}),
    ...(run.head_branch
      ? {
          branch: run.head_branch.slice(0, 255),
          isDefaultBranch: run.head_branch === defaultBranch,
        }
      : {}),
    commitSha: run.head_sha,
    trigger: TRIGGERS[run.event] ?? 'other',
    status: buildStatus(run),
    startedAt,
    ...(completed ? { finishedAt: later(startedAt, run.updated_at) } : {}),
    ...(steps && steps.length > 0 ? { steps } : {}),
    updatedAt: later(startedAt, run.updated_at),
    ...(run.html_url ? { url: run.html_url } : {}),
  };
}
