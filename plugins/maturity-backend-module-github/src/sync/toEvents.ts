import {
  BuildEvent,
  BuildStatus,
  BuildStepKind,
  BuildTrigger,
  ChangeEvent,
  DeploymentEvent,
  DeploymentStatus,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import {
  entityExternalId,
  SourceEvent,
} from '@maturity-for-backstage/backstage-plugin-maturity-node';
import {
  GithubCommit,
  GithubDeployment,
  GithubDeploymentStatus,
  GithubPullRequest,
  GithubReview,
  GithubWorkflowRun,
} from '../api/types';
import {
  GithubRepository,
  RepositoryEntity,
} from '../catalog/readRepositoryMap';

type Unbound<E> = Omit<E, 'source' | 'entityRef'>;

/**
 * The external id of a GitHub item's event for one entity: the item's id
 * (run id, deployment id, `owner/repo#n`, `owner/repo@sha`), a space (GitHub
 * ids have none), and the entity ref, hashed past 255 characters; see
 * {@link entityExternalId}.
 */
export function externalIdFor(id: string, entityRef: string): string {
  return entityExternalId(id, entityRef, ' ');
}

/**
 * One event per entity of the repository (or per one of `entities`, those a
 * path-scoped event belongs to), each with its own external id (see
 * {@link externalIdFor}): external ids are unique per source.
 */
export function forEntities(
  repository: GithubRepository,
  events: Array<Unbound<BuildEvent | DeploymentEvent | ChangeEvent>>,
  entities: RepositoryEntity[] = repository.entities,
): SourceEvent[] {
  return events.flatMap(event =>
    entities.map(
      ({ entityRef }) =>
        ({
          ...event,
          entityRef,
          externalId: externalIdFor(event.externalId, entityRef),
        } as SourceEvent),
    ),
  );
}

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

const later = (a: string, b?: string) =>
  b !== undefined && Date.parse(b) > Date.parse(a) ? b : a;

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

const TERMINAL = new Set(['success', 'failure', 'error']);
const ROLLBACK = /\broll(ed|ing)?[- ]?back\b/i;

/** Whether a deployment's statuses are final: no need to read them again. */
export function isDeploymentSettled(statuses: GithubDeploymentStatus[]) {
  const latest = statuses[0];
  return (
    latest !== undefined &&
    (TERMINAL.has(latest.state) || latest.state === 'inactive')
  );
}

/**
 * A deployment with its statuses (newest first, as GitHub lists them) and,
 * when read, the commits it shipped (see `ShippedCommits`). An `inactive`
 * deployment was superseded: it succeeded if it ever did.
 */
export function toDeploymentEvent(
  deployment: GithubDeployment,
  statuses: GithubDeploymentStatus[],
  commitShas?: string[],
): Unbound<DeploymentEvent> {
  const latest = statuses[0];
  const lastTerminal = statuses.find(s => TERMINAL.has(s.state));
  let status: DeploymentStatus = 'pending';
  let finishedAt: string | undefined;
  switch (latest?.state) {
    case undefined:
      break;
    case 'success':
      status = 'success';
      break;
    case 'failure':
    case 'error':
      status = 'failure';
      break;
    case 'inactive':
      status = lastTerminal?.state === 'success' ? 'success' : 'cancelled';
      finishedAt = lastTerminal?.created_at ?? latest.created_at;
      break;
    default:
      status = 'in_progress';
  }
  if (status === 'success' || status === 'failure') {
    finishedAt = lastTerminal?.created_at;
  }
  const text = [
    deployment.description,
    deployment.task,
    latest?.description,
    typeof deployment.payload === 'string'
      ? deployment.payload
      : JSON.stringify(deployment.payload ?? ''),
  ].join(' ');
  const startedAt = deployment.created_at;
  const link = statuses.find(s => s.log_url || s.target_url);
  return {
    type: 'deployment',
    externalId: String(deployment.id),
    environment: deployment.environment.slice(0, 128),
    commitSha: deployment.sha,
    ...(commitShas ? { commitShas } : {}),
    status,
    ...(ROLLBACK.test(text) ? { reason: 'rollback' as const } : {}),
    automated:
      deployment.creator?.type === 'Bot' ||
      (deployment.performed_via_github_app ?? null) !== null,
    startedAt,
    ...(finishedAt ? { finishedAt: later(startedAt, finishedAt) } : {}),
    updatedAt: later(
      later(startedAt, deployment.updated_at),
      latest?.created_at,
    ),
    ...(link ? { url: (link.log_url || link.target_url)! } : {}),
  };
}

const ISSUE_KEY = /(?:^|[^\w/#-])(#\d+|[A-Z][A-Z0-9]+-\d+)\b/g;

/** Issue references in a title or body: `#123` and `ABC-123` keys. */
export function linkedIssuesOf(...texts: Array<string | null | undefined>) {
  const found = new Set<string>();
  for (const text of texts) {
    for (const match of (text ?? '').matchAll(ISSUE_KEY)) {
      found.add(match[1]);
      if (found.size >= 50) return [...found];
    }
  }
  return [...found];
}

const REVERTS = /This reverts commit ([0-9a-f]{7,40})/;

/** The details read for a pull request. */
export interface PullRequestDetails {
  reviews: GithubReview[];
  commits: GithubCommit[];
  /** Paths of the files it changes, when read. */
  files?: string[];
}

/** A pull request as a change, with its reviews and commits when read. */
export function toPullRequestEvent(
  repository: GithubRepository,
  pull: GithubPullRequest,
  details?: PullRequestDetails,
): Unbound<ChangeEvent> {
  let state: ChangeEvent['state'] = pull.state === 'closed' ? 'closed' : 'open';
  if (pull.merged_at) state = 'merged';
  const author = pull.user?.login;
  const reviews = (details?.reviews ?? [])
    .filter(
      r =>
        r.state !== 'PENDING' &&
        r.submitted_at &&
        r.user?.login !== author &&
        Date.parse(r.submitted_at) >= Date.parse(pull.created_at),
    )
    .sort((a, b) => Date.parse(a.submitted_at!) - Date.parse(b.submitted_at!));
  const approval = reviews.find(r => r.state === 'APPROVED');
  const commits = details?.commits ?? [];
  const authoredAt = commits[0]?.commit.author?.date;
  const reverts = REVERTS.exec(pull.body ?? '')?.[1];
  const labels = (pull.labels ?? []).map(l => l.name.slice(0, 255));
  return {
    type: 'change',
    externalId: `${repository.owner}/${repository.repo}#${pull.number}`,
    kind: 'pull_request',
    state,
    title: pull.title.slice(0, 1024),
    ...(author ? { author } : {}),
    targetBranch: pull.base.ref.slice(0, 255),
    ...(state === 'merged' && pull.merge_commit_sha
      ? { sha: pull.merge_commit_sha }
      : {}),
    ...(details ? { commitShas: commits.map(c => c.sha).slice(0, 1000) } : {}),
    ...(authoredAt ? { authoredAt } : {}),
    openedAt: pull.created_at,
    ...(reviews[0] ? { firstReviewAt: reviews[0].submitted_at } : {}),
    ...(approval ? { approvedAt: approval.submitted_at } : {}),
    ...(pull.merged_at ? { mergedAt: pull.merged_at } : {}),
    ...(pull.closed_at ? { closedAt: pull.closed_at } : {}),
    ...(details ? { reviewCount: reviews.length } : {}),
    isRevert: /^Revert "/.test(pull.title),
    ...(reverts ? { revertsSha: reverts } : {}),
    ...(labels.length > 0 ? { labels } : {}),
    linkedIssues: linkedIssuesOf(pull.title, pull.body),
    updatedAt: pull.updated_at,
    ...(pull.html_url ? { url: pull.html_url } : {}),
  };
}

/** A commit that reached the default branch without a pull request. */
export function toDirectPushEvent(
  repository: GithubRepository,
  commit: GithubCommit,
  defaultBranch: string,
): Unbound<ChangeEvent> | undefined {
  const mergedAt = commit.commit.committer?.date ?? commit.commit.author?.date;
  if (!mergedAt) return undefined;
  const title = commit.commit.message.split('\n')[0];
  const authoredAt = commit.commit.author?.date;
  const reverts = REVERTS.exec(commit.commit.message)?.[1];
  const author = commit.author?.login ?? commit.commit.author?.name;
  return {
    type: 'change',
    externalId: `${repository.owner}/${repository.repo}@${commit.sha}`,
    kind: 'commit',
    state: 'merged',
    title: title.slice(0, 1024),
    ...(author ? { author: author.slice(0, 255) } : {}),
    targetBranch: defaultBranch,
    sha: commit.sha,
    commitShas: [commit.sha],
    ...(authoredAt ? { authoredAt } : {}),
    mergedAt,
    directPush: true,
    isRevert: /^Revert "/.test(title),
    ...(reverts ? { revertsSha: reverts } : {}),
    linkedIssues: linkedIssuesOf(commit.commit.message),
    updatedAt: mergedAt,
    ...(commit.html_url ? { url: commit.html_url } : {}),
  };
}

const PR_MERGE_MESSAGE = /^Merge pull request #\d+|\(#\d+\)\s*$/;

/**
 * Whether a default-branch commit came through a pull request: its SHA is a
 * merged pull request's merge, head or commit, its first line is GitHub's
 * merge or squash message, or (rebase merges) GitHub committed it within
 * seconds of a pull request's merge.
 */
export function cameThroughPullRequest(
  commit: GithubCommit,
  merged: { shas: Set<string>; mergedAt: number[] },
): boolean {
  if (merged.shas.has(commit.sha)) return true;
  const title = commit.commit.message.split('\n')[0];
  if (PR_MERGE_MESSAGE.test(title)) return true;
  const committed = Date.parse(commit.commit.committer?.date ?? '');
  return (
    commit.commit.committer?.name === 'GitHub' &&
    merged.mergedAt.some(at => Math.abs(at - committed) <= 5_000)
  );
}
