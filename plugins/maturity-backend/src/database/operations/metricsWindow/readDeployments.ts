import { Knex } from 'knex';
import { MetricsWindow } from '../../MetricsWindow';
import { productionDeploymentCondition } from './productionDeploymentCondition';
import { DAY_MS } from '../../../durations';
import { sqlValueList, toFlag, toOptionalNumber } from './sqlValues';
import { selectBatchRows } from './selectBatchRows';
import { IncidentRecord } from './readIncidents';

/** A deployment as the metrics read it. */
export interface DeploymentRecord {
  id: number;
  entityRef: string;
  externalId: string;
  environment: string;
  status: string;
  reason?: string;
  automated?: boolean;
  commitSha?: string;
  /** Lower-cased commit_sha and commit_shas. */
  shas: string[];
  startedAt: number;
  /** Finish time, else start time: when it was running. */
  deployedAt: number;
  isProduction: boolean;
  /** A production deploy whose commit reached another environment earlier. */
  deployedToPreproductionFirst: boolean;
  /** For a production rollback: the production deploy it replaced. */
  rollsBackId?: number;
  /** The incidents it declares it fixes, as `<source>:<externalId>`. */
  fixesIncidents: string[];
  /**
   * A production deploy shipped together with other components: another
   * entity's successful deploy of the same commit to the same environment
   * started within {@link BUNDLED_DEPLOY_WINDOW_MS} of it.
   */
  bundled: boolean;
}

/**
 * How close in time two entities' deploys of one commit count as one
 * release: a pipeline deploying a monorepo's components from one commit
 * starts them within minutes; an hour leaves room for queued jobs.
 */
export const BUNDLED_DEPLOY_WINDOW_MS = 60 * 60 * 1000;

/** Deployments explicitly named by incidents, to read beyond the window. */
export interface DeploymentReferences {
  externalIds: string[];
  shas: string[];
}

/** What incidents name, so that deployments outside the window are read too. */
export function deploymentReferencesOf(
  incidents: IncidentRecord[],
): DeploymentReferences {
  return {
    externalIds: [...new Set(incidents.flatMap(i => i.linkedDeploymentIds))],
    shas: [...new Set(incidents.flatMap(i => i.linkedCommitShas))],
  };
}

function parseStrings(json: unknown): unknown[] {
  try {
    const list = typeof json === 'string' && json ? JSON.parse(json) : [];
    return Array.isArray(list) ? list : [];
  } catch {
    return [];
  }
}

function parseShas(sha: unknown, shas: unknown): string[] {
  const all = [sha, ...parseStrings(shas)]
    .filter((s): s is string => typeof s === 'string' && s !== '')
    .map(s => s.toLowerCase());
  return [...new Set(all)];
}

/**
 * The batch's successful deployments running in [from − 24 h, to) (the 24
 * hours for the incident window rule), plus any deployment incidents name by
 * external id or production deployments shipping a SHA they name. Each comes
 * with whether it is production, whether its commit went to another
 * environment first, what a rollback replaced, and whether another entity
 * deployed the same commit with it (bundled). Nothing started at or
 * after `to` is read: as of `to` it has not happened (and the bound keeps
 * the read on the entity-time index). One statement.
 */
export async function readDeployments(
  db: Knex,
  window: MetricsWindow,
  references: DeploymentReferences = { externalIds: [], shas: [] },
): Promise<DeploymentRecord[]> {
  const entities = sqlValueList(
    db,
    window.entities.map(e => e.entityRef),
  );
  const production = (alias: string) =>
    productionDeploymentCondition(db, alias, window.entities);
  const referenced: string[] = [];
  const bindings: Record<string, unknown> = {
    entities,
    to: window.to.getTime(),
    since: window.from.getTime() - DAY_MS,
    productionD: production('d'),
    productionN: production('n'),
    productionP: production('p'),
    bundledWindow: BUNDLED_DEPLOY_WINDOW_MS,
  };
  if (references.externalIds.length) {
    referenced.push('d.external_id in (:externalIds)');
    bindings.externalIds = sqlValueList(db, [
      ...new Set(references.externalIds),
    ]);
  }
  if (references.shas.length) {
    referenced.push(
      `(d.status = 'success' and :productionD and d.id in (
         select dc.deployment_id from deployment_commits dc
         where dc.entity_ref in (:entities) and dc.sha in (:shas)))`,
    );
    bindings.shas = sqlValueList(db, [
      ...new Set(references.shas.map(s => s.toLowerCase())),
    ]);
  }

  return selectBatchRows(
    db,
    {
      sql: `
      select d.id, d.entity_ref, d.external_id, d.environment, d.status,
        d.reason, d.automated, d.commit_sha, d.commit_shas, d.fixes_incidents,
        d.started_at,
        coalesce(d.finished_at, d.started_at) as deployed_at,
        case when :productionD then 1 else 0 end as is_production,
        case when d.commit_sha is not null and :productionD and exists (
          select 1 from deployments n
          where n.entity_ref = d.entity_ref and n.commit_sha = d.commit_sha
            and n.status = 'success' and n.started_at < d.started_at
            and not :productionN
        ) then 1 else 0 end as preproduction_first,
        case when d.reason = 'rollback' and :productionD then (
          select p.id from deployments p
          where p.entity_ref = d.entity_ref and p.status = 'success'
            and p.id <> d.id and :productionP
            and coalesce(p.finished_at, p.started_at) <= d.started_at
          order by coalesce(p.finished_at, p.started_at) desc, p.id desc
          limit 1
        ) end as rolls_back_id,
        case when d.commit_sha is not null and :productionD and exists (
          select 1 from deployments o
          where o.commit_sha = d.commit_sha
            and o.started_at >= d.started_at - :bundledWindow
            and o.started_at <= d.started_at + :bundledWindow
            and o.entity_ref <> d.entity_ref and o.status = 'success'
            and lower(o.environment) = lower(d.environment)
        ) then 1 else 0 end as bundled
      from deployments d
      where d.entity_ref in (:entities)
        and d.occurred_at < :to
        and (
          (d.status = 'success' and d.started_at < :to
            and coalesce(d.finished_at, d.started_at) >= :since)
          ${referenced.map(clause => `or ${clause}`).join('\n')}
        )
      `,
      bindings: bindings,
      columns: [
        'id',
        'entity_ref',
        'external_id',
        'environment',
        'status',
        'reason',
        'automated',
        'commit_sha',
        'commit_shas',
        'fixes_incidents',
        'started_at',
        'deployed_at',
        'is_production',
        'preproduction_first',
        'rolls_back_id',
        'bundled',
      ],
    },
    row => ({
      id: Number(row.id),
      entityRef: String(row.entity_ref),
      externalId: String(row.external_id),
      environment: String(row.environment),
      status: String(row.status),
      reason: (row.reason as string | null) ?? undefined,
      automated: toFlag(row.automated),
      commitSha: (row.commit_sha as string | null) ?? undefined,
      shas: parseShas(row.commit_sha, row.commit_shas),
      startedAt: Number(row.started_at),
      deployedAt: Number(row.deployed_at),
      isProduction: Number(row.is_production) === 1,
      deployedToPreproductionFirst: Number(row.preproduction_first) === 1,
      rollsBackId: toOptionalNumber(row.rolls_back_id),
      fixesIncidents: parseStrings(row.fixes_incidents).filter(
        (s): s is string => typeof s === 'string',
      ),
      bundled: Number(row.bundled) === 1,
    }),
  );
}
