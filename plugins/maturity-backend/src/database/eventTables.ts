import { MaturityEventType } from '@maturity-for-backstage/backstage-plugin-maturity-common';

/** How an event field is stored in its column. */
export type ColumnKind = 'string' | 'time' | 'boolean' | 'integer' | 'json';

/**
 * How one event type maps onto its table. The store converts rows with this
 * description alone, so adding a field is one line here plus a migration.
 */
export interface EventTable {
  type: MaturityEventType;
  table: string;
  /** Columns that identify a record within its source (the unique key). */
  identity: string[];
  /**
   * The event fields the record is ordered and filtered by, first present
   * wins (a pull request by when it opened, a direct push by when it landed).
   */
  occurredAtFields: string[];
  /** Event field name → column. `source`, `entityRef`, `url` are common. */
  fields: Record<string, { column: string; kind: ColumnKind }>;
}

const string = (column: string) => ({ column, kind: 'string' as const });
const time = (column: string) => ({ column, kind: 'time' as const });
const boolean = (column: string) => ({ column, kind: 'boolean' as const });
const integer = (column: string) => ({ column, kind: 'integer' as const });
const json = (column: string) => ({ column, kind: 'json' as const });

const common = {
  source: string('source'),
  entityRef: string('entity_ref'),
  url: string('url'),
};

export const eventTables: Record<MaturityEventType, EventTable> = {
  build: {
    type: 'build',
    table: 'builds',
    identity: ['source', 'external_id'],
    occurredAtFields: ['startedAt'],
    fields: {
      ...common,
      externalId: string('external_id'),
      pipeline: string('pipeline'),
      branch: string('branch'),
      isDefaultBranch: boolean('is_default_branch'),
      commitSha: string('commit_sha'),
      trigger: string('trigger'),
      status: string('status'),
      startedAt: time('started_at'),
      finishedAt: time('finished_at'),
      steps: json('steps'),
    },
  },
  deployment: {
    type: 'deployment',
    table: 'deployments',
    identity: ['source', 'external_id'],
    occurredAtFields: ['startedAt'],
    fields: {
      ...common,
      externalId: string('external_id'),
      environment: string('environment'),
      commitSha: string('commit_sha'),
      commitShas: json('commit_shas'),
      fixesIncidents: json('fixes_incidents'),
      status: string('status'),
      reason: string('reason'),
      automated: boolean('automated'),
      strategy: string('strategy'),
      startedAt: time('started_at'),
      finishedAt: time('finished_at'),
    },
  },
  change: {
    type: 'change',
    table: 'changes',
    identity: ['source', 'external_id'],
    occurredAtFields: ['openedAt', 'mergedAt', 'authoredAt'],
    fields: {
      ...common,
      externalId: string('external_id'),
      kind: string('kind'),
      state: string('state'),
      title: string('title'),
      author: string('author'),
      targetBranch: string('target_branch'),
      sha: string('sha'),
      commitShas: json('commit_shas'),
      authoredAt: time('authored_at'),
      openedAt: time('opened_at'),
      firstReviewAt: time('first_review_at'),
      approvedAt: time('approved_at'),
      mergedAt: time('merged_at'),
      closedAt: time('closed_at'),
      reviewCount: integer('review_count'),
      directPush: boolean('direct_push'),
      isRevert: boolean('is_revert'),
      revertsSha: string('reverts_sha'),
      touchesSource: boolean('touches_source'),
      touchesTests: boolean('touches_tests'),
      labels: json('labels'),
      linkedIssues: json('linked_issues'),
    },
  },
  incident: {
    type: 'incident',
    table: 'incidents',
    identity: ['source', 'external_id'],
    occurredAtFields: ['triggeredAt'],
    fields: {
      ...common,
      externalId: string('external_id'),
      title: string('title'),
      status: string('status'),
      urgency: string('urgency'),
      priority: string('priority'),
      triggeredAt: time('triggered_at'),
      acknowledgedAt: time('acknowledged_at'),
      resolvedAt: time('resolved_at'),
      postmortemAt: time('postmortem_at'),
      responderTeam: string('responder_team'),
      linkedDeploymentIds: json('linked_deployment_ids'),
      linkedCommitShas: json('linked_commit_shas'),
    },
  },
  repo_fact: {
    type: 'repo_fact',
    table: 'repo_facts',
    identity: ['source', 'entity_ref', 'fact'],
    occurredAtFields: ['observedAt'],
    fields: {
      ...common,
      fact: string('fact'),
      value: json('value'),
      observedAt: time('observed_at'),
    },
  },
};
