import {
  DeploymentEvent,
  DeploymentStatus,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { GithubDeployment, GithubDeploymentStatus } from '../../api/types';
import { Unbound } from '../forEntities';
import { later } from '../../api/githubTimes';

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
