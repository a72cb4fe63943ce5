/**
 * The normalized raw events every source (collectors, webhooks, the ingest API)
 * writes. Raw events are the source of truth: every metric and score is
 * recomputed from them.
 *
 * Times are ISO 8601 strings with an explicit offset on the wire.
 */

/**
 * The kinds of raw event the store keeps.
 * @public
 */
export const MATURITY_EVENT_TYPES = [
  'build',
  'deployment',
  'change',
  'incident',
  'repo_fact',
] as const;

/** @public */
export type MaturityEventType = (typeof MATURITY_EVENT_TYPES)[number];

/**
 * Fields every event carries.
 * @public
 */
export interface MaturityEventBase {
  /** The tool the event comes from, e.g. `github`, `jenkins`, `argocd`. */
  source: string;
  /** Full catalog entity reference, e.g. `component:default/checkout-api`. */
  entityRef: string;
  /**
   * When the source last changed this record. A newer version of the same
   * external id replaces the stored one; an older one is ignored. Defaults to
   * the latest time the event itself carries.
   */
  updatedAt?: string;
  /** Link to the record in its tool. */
  url?: string;
}

/** @public */
export const BUILD_STATUSES = [
  'queued',
  'running',
  'success',
  'failure',
  'cancelled',
  'skipped',
] as const;
/** @public */
export type BuildStatus = (typeof BUILD_STATUSES)[number];

/** @public */
export const BUILD_TRIGGERS = [
  'push',
  'pull_request',
  'schedule',
  'manual',
  'other',
] as const;
/** @public */
export type BuildTrigger = (typeof BUILD_TRIGGERS)[number];

/**
 * What a pipeline run did, so the rubric can tell a test step from a deploy.
 * @public
 */
export const BUILD_STEP_KINDS = [
  'build',
  'unit-test',
  'integration-test',
  'e2e-test',
  'performance-test',
  'lint',
  'static-analysis',
  'sast',
  'sca',
  'coverage',
  'publish',
  'deploy',
] as const;
/** @public */
export type BuildStepKind = (typeof BUILD_STEP_KINDS)[number];

/**
 * A CI pipeline run (GitHub Actions workflow run, Jenkins build, ...).
 * @public
 */
export interface BuildEvent extends MaturityEventBase {
  type: 'build';
  externalId: string;
  pipeline?: string;
  branch?: string;
  isDefaultBranch?: boolean;
  commitSha?: string;
  trigger?: BuildTrigger;
  status: BuildStatus;
  startedAt: string;
  finishedAt?: string;
  steps?: BuildStepKind[];
}

/** @public */
export const DEPLOYMENT_STATUSES = [
  'pending',
  'in_progress',
  'success',
  'failure',
  'cancelled',
] as const;
/** @public */
export type DeploymentStatus = (typeof DEPLOYMENT_STATUSES)[number];

/**
 * Why a deployment happened: rework rate counts the unplanned ones.
 * @public
 */
export const DEPLOYMENT_REASONS = ['planned', 'hotfix', 'rollback'] as const;
/** @public */
export type DeploymentReason = (typeof DEPLOYMENT_REASONS)[number];

/**
 * A deployment of one entity to one environment.
 * @public
 */
export interface DeploymentEvent extends MaturityEventBase {
  type: 'deployment';
  externalId: string;
  environment: string;
  /** The commit that was deployed. */
  commitSha?: string;
  /** Commits shipped with this deployment, where the tool knows them. */
  commitShas?: string[];
  /**
   * The incidents this deployment fixes, each as `<source>:<externalId>`
   * (e.g. `pagerduty:Q1ABC`), so a deploy from one tool can name an incident
   * of another. A successful production deploy naming an incident linked to
   * a failed deploy ends that deploy's recovery time.
   */
  fixesIncidents?: string[];
  status: DeploymentStatus;
  reason?: DeploymentReason;
  /** True when a pipeline created it, false when a person did. */
  automated?: boolean;
  /** Rollout strategy, e.g. `rolling`, `blue-green`, `canary`. */
  strategy?: string;
  startedAt: string;
  finishedAt?: string;
}

/** @public */
export const CHANGE_KINDS = ['pull_request', 'commit'] as const;
/** @public */
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** @public */
export const CHANGE_STATES = ['open', 'merged', 'closed'] as const;
/** @public */
export type ChangeState = (typeof CHANGE_STATES)[number];

/**
 * A pull request, or a commit pushed straight to a branch.
 * @public
 */
export interface ChangeEvent extends MaturityEventBase {
  type: 'change';
  externalId: string;
  kind: ChangeKind;
  state: ChangeState;
  title?: string;
  author?: string;
  targetBranch?: string;
  /** Merge commit of a pull request, or the commit itself. */
  sha?: string;
  /** Commits of a pull request. */
  commitShas?: string[];
  /** Time of the first commit. */
  authoredAt?: string;
  openedAt?: string;
  firstReviewAt?: string;
  approvedAt?: string;
  mergedAt?: string;
  closedAt?: string;
  reviewCount?: number;
  /** A commit that reached the default branch without a pull request. */
  directPush?: boolean;
  isRevert?: boolean;
  revertsSha?: string;
  touchesSource?: boolean;
  touchesTests?: boolean;
  labels?: string[];
  /** Issue keys or URLs the change references. */
  linkedIssues?: string[];
}

/** @public */
export const INCIDENT_URGENCIES = ['high', 'low'] as const;
/** @public */
export type IncidentUrgency = (typeof INCIDENT_URGENCIES)[number];

/** @public */
export const INCIDENT_STATUSES = [
  'triggered',
  'acknowledged',
  'resolved',
] as const;
/** @public */
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/**
 * An incident (PagerDuty, Opsgenie, ...), with its explicit links to what
 * caused it where the tool recorded them.
 * @public
 */
export interface IncidentEvent extends MaturityEventBase {
  type: 'incident';
  externalId: string;
  title?: string;
  status: IncidentStatus;
  urgency: IncidentUrgency;
  priority?: string;
  triggeredAt: string;
  acknowledgedAt?: string;
  resolvedAt?: string;
  /** When notes or a postmortem were written. */
  postmortemAt?: string;
  /** Entity ref of the group that responded. */
  responderTeam?: string;
  /** External ids of deployments the tool linked to this incident. */
  linkedDeploymentIds?: string[];
  /** Commits named as root cause. */
  linkedCommitShas?: string[];
}

/** @public */
export type RepoFactValue = boolean | number | string | null;

/**
 * A snapshot value about an entity's repository, e.g. `codeowners: true`.
 * Keyed by (source, entity, fact); the latest observation wins.
 * @public
 */
export interface RepoFactEvent extends MaturityEventBase {
  type: 'repo_fact';
  fact: string;
  value: RepoFactValue;
  observedAt: string;
}

/**
 * Any event accepted by the store.
 * @public
 */
export type MaturityEvent =
  | BuildEvent
  | DeploymentEvent
  | ChangeEvent
  | IncidentEvent
  | RepoFactEvent;

/**
 * An event as read back from the store.
 * @public
 */
export type StoredMaturityEvent = MaturityEvent & {
  /** Store-assigned id, stable for the life of the record. */
  id: string;
  /** The time the event is ordered and filtered by. */
  occurredAt: string;
  ingestedAt: string;
  updatedAt: string;
};

/**
 * A page of an entity's events, newest first.
 * @public
 */
export interface MaturityEventPage {
  items: StoredMaturityEvent[];
  /** Pass as `cursor` to read the next page; absent on the last page. */
  nextCursor?: string;
}
