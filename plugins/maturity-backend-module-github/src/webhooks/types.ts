/**
 * The fields of GitHub webhook payloads the source reads. The objects a
 * delivery carries (`workflow_run`, `deployment`, `deployment_status`,
 * `pull_request`) are the REST API's; everything else is ignored.
 */

import {
  GithubDeployment,
  GithubDeploymentStatus,
  GithubPullRequest,
  GithubWorkflowRun,
} from '../api/types';

/** The `repository` every repository webhook carries. */
export interface GithubWebhookRepository {
  /** `owner/repo` */
  full_name: string;
  /** The web URL, which names the host (github.com or a GHE server). */
  html_url: string;
  default_branch: string;
}

/** `workflow_run`: a GitHub Actions run was requested, started or completed. */
export interface WorkflowRunWebhook {
  action: string;
  workflow_run: GithubWorkflowRun;
  repository: GithubWebhookRepository;
}

/** `deployment_status`: a status was added to a deployment. */
export interface DeploymentStatusWebhook {
  action: string;
  deployment: GithubDeployment;
  deployment_status: GithubDeploymentStatus;
  repository: GithubWebhookRepository;
}

/** `pull_request`: a pull request was opened, edited, closed, ... */
export interface PullRequestWebhook {
  action: string;
  number: number;
  pull_request: GithubPullRequest;
  repository: GithubWebhookRepository;
}

/** A commit of a push, as the `push` webhook lists it. */
export interface PushWebhookCommit {
  /** The commit SHA. */
  id: string;
  message: string;
  /** Whether this commit is new to the repository with this push. */
  distinct?: boolean;
  url?: string;
}

/** `push`: commits were pushed to a branch or tag. */
export interface PushWebhook {
  /** e.g. `refs/heads/main` */
  ref: string;
  before: string;
  after: string;
  deleted?: boolean;
  /** The pushed commits, oldest first. */
  commits: PushWebhookCommit[];
  repository: GithubWebhookRepository;
}

/** A delivery of one of the handled events, told apart by its kind. */
export type GithubWebhook =
  | { kind: 'workflow_run'; payload: WorkflowRunWebhook }
  | { kind: 'deployment_status'; payload: DeploymentStatusWebhook }
  | { kind: 'pull_request'; payload: PullRequestWebhook }
  | { kind: 'push'; payload: PushWebhook };
