import { Knex } from 'knex';
import { MetricsWindow } from '../../MetricsWindow';
import { toOptionalNumber, windowBindings } from './sqlValues';
import { selectBatchRows } from './selectBatchRows';

/** An incident as the metrics read it. */
export interface IncidentRecord {
  id: number;
  entityRef: string;
  source: string;
  externalId: string;
  urgency: string;
  triggeredAt: number;
  acknowledgedAt?: number;
  resolvedAt?: number;
  postmortemAt?: number;
  responderTeam?: string;
  linkedDeploymentIds: string[];
  /** Lower-cased. */
  linkedCommitShas: string[];
}

function strings(json: unknown): string[] {
  try {
    const parsed = typeof json === 'string' && json ? JSON.parse(json) : [];
    return Array.isArray(parsed)
      ? parsed.filter((s): s is string => typeof s === 'string')
      : [];
  } catch {
    return [];
  }
}

/**
 * The batch's incidents triggered in the window, and those resolved in it
 * (time to restore counts resolutions in the window). One statement; an
 * incident occurs when triggered, so `occurred_at` is its trigger time and
 * both branches are ranges of an entity-first index.
 */
export async function readIncidents(
  db: Knex,
  window: MetricsWindow,
): Promise<IncidentRecord[]> {
  return selectBatchRows(
    db,
    {
      sql: `
      select id, entity_ref, source, external_id, urgency, triggered_at, acknowledged_at,
        resolved_at, postmortem_at, responder_team, linked_deployment_ids,
        linked_commit_shas
      from incidents
      where entity_ref in (:entities)
        and (
          (occurred_at >= :from and occurred_at < :to)
          or (resolved_at >= :from and resolved_at < :to)
        )
      `,
      bindings: windowBindings(db, window),
      columns: [
        'id',
        'entity_ref',
        'source',
        'external_id',
        'urgency',
        'triggered_at',
        'acknowledged_at',
        'resolved_at',
        'postmortem_at',
        'responder_team',
        'linked_deployment_ids',
        'linked_commit_shas',
      ],
      orderBy: 'triggered_at, id',
    },
    row => ({
      id: Number(row.id),
      entityRef: String(row.entity_ref),
      source: String(row.source),
      externalId: String(row.external_id),
      urgency: String(row.urgency),
      triggeredAt: Number(row.triggered_at),
      acknowledgedAt: toOptionalNumber(row.acknowledged_at),
      resolvedAt: toOptionalNumber(row.resolved_at),
      postmortemAt: toOptionalNumber(row.postmortem_at),
      responderTeam: (row.responder_team as string | null) ?? undefined,
      linkedDeploymentIds: strings(row.linked_deployment_ids),
      linkedCommitShas: strings(row.linked_commit_shas).map(s =>
        s.toLowerCase(),
      ),
    }),
  );
}
