import {
  BuildEvent,
  ChangeEvent,
  DeploymentEvent,
  IncidentEvent,
  MaturityEvent,
  RepoFactEvent,
  StoredMaturityEvent,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { EventStore } from '../EventStore';

/** One event of each type, for the event operations' tests. */
export const ENTITY = 'component:default/checkout-api';
export const OTHER = 'component:default/cart-service';

export const build: BuildEvent = {
  type: 'build',
  source: 'github',
  externalId: 'run-1001',
  entityRef: ENTITY,
  pipeline: 'ci.yaml',
  branch: 'main',
  isDefaultBranch: true,
  commitSha: '9fceb02d0ae598e95dc970b74767f19372d61af8',
  trigger: 'push',
  status: 'success',
  startedAt: '2026-11-20T10:00:00.000Z',
  finishedAt: '2026-11-20T10:07:30.000Z',
  steps: ['build', 'unit-test', 'lint'],
  url: 'https://github.com/acme-corp/checkout-api/actions/runs/1001',
};

export const deployment: DeploymentEvent = {
  type: 'deployment',
  source: 'argocd',
  externalId: 'deploy-77',
  entityRef: ENTITY,
  environment: 'production',
  commitSha: '9fceb02d0ae598e95dc970b74767f19372d61af8',
  commitShas: [
    '9fceb02d0ae598e95dc970b74767f19372d61af8',
    'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
  ],
  status: 'success',
  reason: 'planned',
  automated: true,
  strategy: 'rolling',
  startedAt: '2026-11-20T11:00:00.000Z',
  finishedAt: '2026-11-20T11:04:00.000Z',
};

export const change: ChangeEvent = {
  type: 'change',
  source: 'github',
  externalId: 'acme-corp/checkout-api#412',
  entityRef: ENTITY,
  kind: 'pull_request',
  state: 'merged',
  title: 'Retry card authorisation once on timeout',
  author: 'alice-nguyen',
  targetBranch: 'main',
  sha: '9fceb02d0ae598e95dc970b74767f19372d61af8',
  commitShas: ['a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'],
  authoredAt: '2026-11-19T08:00:00.000Z',
  openedAt: '2026-11-19T09:00:00.000Z',
  firstReviewAt: '2026-11-19T11:30:00.000Z',
  approvedAt: '2026-11-19T12:00:00.000Z',
  mergedAt: '2026-11-20T09:55:00.000Z',
  reviewCount: 2,
  directPush: false,
  isRevert: false,
  touchesSource: true,
  touchesTests: true,
  labels: ['payments'],
  linkedIssues: ['PAY-1234'],
};

export const incidentTriggered: IncidentEvent = {
  type: 'incident',
  source: 'pagerduty',
  externalId: 'Q1ABCDEF',
  entityRef: ENTITY,
  title: 'Checkout 5xx above 2%',
  status: 'triggered',
  urgency: 'high',
  priority: 'P1',
  triggeredAt: '2026-11-20T12:00:00.000Z',
  responderTeam: 'group:default/checkout',
  linkedDeploymentIds: ['deploy-77'],
};

export const incidentResolved: IncidentEvent = {
  ...incidentTriggered,
  status: 'resolved',
  acknowledgedAt: '2026-11-20T12:03:00.000Z',
  resolvedAt: '2026-11-20T12:41:00.000Z',
};

export const fact: RepoFactEvent = {
  type: 'repo_fact',
  source: 'github',
  entityRef: ENTITY,
  fact: 'codeowners',
  value: true,
  observedAt: '2026-11-20T00:00:00.000Z',
};

/** Drops the store's own fields so an event can be compared to its input. */
export function asSent(stored: StoredMaturityEvent): MaturityEvent {
  const { id, occurredAt, ingestedAt, updatedAt, ...event } = stored;
  return event as MaturityEvent;
}

export async function readAll(store: EventStore, entityRef = ENTITY) {
  const page = await store.listEvents({ entityRef, limit: 500 });
  return page.items;
}
