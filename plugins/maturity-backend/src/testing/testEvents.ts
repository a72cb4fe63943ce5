import { createHash } from 'node:crypto';
import {
  BuildEvent,
  ChangeEvent,
  DeploymentEvent,
  IncidentEvent,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';

/** `'03-02 10:00'` → `2026-03-02T10:00:00.000Z`; full ISO strings pass. */
export const at = (time: string) =>
  time.includes('T') ? time : `2026-${time.replace(' ', 'T')}:00.000Z`;

/** A stable 40-hex SHA named by a short label. */
export const sha = (label: string) =>
  createHash('sha1').update(label).digest('hex');

export function deployment(
  entityRef: string,
  externalId: string,
  environment: string,
  startedAt: string,
  finishedAt: string | undefined,
  extra: Partial<DeploymentEvent> = {},
): DeploymentEvent {
  return {
    type: 'deployment',
    source: 'argocd',
    entityRef,
    externalId,
    environment,
    status: 'success',
    startedAt: at(startedAt),
    ...(finishedAt ? { finishedAt: at(finishedAt) } : {}),
    ...extra,
  };
}

export function pullRequest(
  entityRef: string,
  externalId: string,
  times: { authored: string; opened: string; merged: string },
  extra: Partial<ChangeEvent> = {},
): ChangeEvent {
  return {
    type: 'change',
    source: 'github',
    entityRef,
    externalId,
    kind: 'pull_request',
    state: 'merged',
    targetBranch: 'main',
    authoredAt: at(times.authored),
    openedAt: at(times.opened),
    mergedAt: at(times.merged),
    ...extra,
  };
}

export function build(
  entityRef: string,
  externalId: string,
  status: BuildEvent['status'],
  startedAt: string,
  finishedAt: string | undefined,
  extra: Partial<BuildEvent> = {},
): BuildEvent {
  return {
    type: 'build',
    source: 'github',
    entityRef,
    externalId,
    pipeline: 'ci',
    branch: 'main',
    isDefaultBranch: true,
    trigger: 'push',
    status,
    startedAt: at(startedAt),
    ...(finishedAt ? { finishedAt: at(finishedAt) } : {}),
    ...extra,
  };
}

export function incident(
  entityRef: string,
  externalId: string,
  triggeredAt: string,
  extra: Partial<
    Omit<IncidentEvent, 'acknowledgedAt' | 'resolvedAt' | 'postmortemAt'>
  > & {
    acknowledged?: string;
    resolved?: string;
    postmortem?: string;
  } = {},
): IncidentEvent {
  const { acknowledged, resolved, postmortem, ...rest } = extra;
  let status: IncidentEvent['status'] = 'triggered';
  if (resolved) {
    status = 'resolved';
  } else if (acknowledged) {
    status = 'acknowledged';
  }
  return {
    type: 'incident',
    source: 'pagerduty',
    entityRef,
    externalId,
    status,
    urgency: 'high',
    triggeredAt: at(triggeredAt),
    ...(acknowledged ? { acknowledgedAt: at(acknowledged) } : {}),
    ...(resolved ? { resolvedAt: at(resolved) } : {}),
    ...(postmortem ? { postmortemAt: at(postmortem) } : {}),
    ...rest,
  };
}
