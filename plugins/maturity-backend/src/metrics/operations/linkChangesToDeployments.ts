import { Knex } from 'knex';
import { MetricsWindow } from '../MetricsEntityContext';
import { productionDeploymentCondition } from '../productionEnvironment';
import { resultRows, sqlValueList, toOptionalNumber } from './sqlValues';

/** A merged change and the production deployment that first shipped it. */
export interface ChangeDeploymentLink {
  changeId: number;
  entityRef: string;
  deploymentId: number;
  /** When that deployment was running (finish time, else start). */
  deployedAt: number;
  authoredAt?: number;
  openedAt?: number;
  mergedAt: number;
}

/**
 * Links merged changes to the first successful production deployment of their
 * entity, at or after the merge, that deployed or shipped one of the change's
 * commits (its merge SHA or a commit of it), by way of the commit link tables.
 * Returns the links whose deployment ran in the window [from, to): the
 * changes that reached production in it. One statement.
 */
export async function linkChangesToDeployments(
  db: Knex,
  window: MetricsWindow,
): Promise<ChangeDeploymentLink[]> {
  const rows = resultRows<Record<string, unknown>>(
    await db.raw(
      `
      with candidates as (
        select cc.change_id, d.id as deployment_id,
          coalesce(d.finished_at, d.started_at) as deployed_at
        from change_commits cc
        join changes c on c.id = cc.change_id
        join deployment_commits dc
          on dc.entity_ref = cc.entity_ref and dc.sha = cc.sha
        join deployments d on d.id = dc.deployment_id
        where cc.entity_ref in (:entities)
          and c.state = 'merged' and c.merged_at is not null
          and d.entity_ref = c.entity_ref
          and d.status = 'success' and :production
          and coalesce(d.finished_at, d.started_at) >= c.merged_at
          and coalesce(d.finished_at, d.started_at) < :to
      ),
      ranked as (
        select change_id, deployment_id, deployed_at,
          row_number() over (
            partition by change_id order by deployed_at, deployment_id
          ) as position
        from candidates
      )
      select r.change_id, r.deployment_id, r.deployed_at, c.entity_ref,
        c.authored_at, c.opened_at, c.merged_at
      from ranked r
      join changes c on c.id = r.change_id
      where r.position = 1 and r.deployed_at >= :from
      order by r.deployed_at desc, r.change_id desc
      `,
      {
        entities: sqlValueList(
          db,
          window.entities.map(e => e.entityRef),
        ),
        production: productionDeploymentCondition(db, 'd', window.entities),
        from: window.from.getTime(),
        to: window.to.getTime(),
      },
    ),
  );
  return rows.map(row => ({
    changeId: Number(row.change_id),
    entityRef: String(row.entity_ref),
    deploymentId: Number(row.deployment_id),
    deployedAt: Number(row.deployed_at),
    authoredAt: toOptionalNumber(row.authored_at),
    openedAt: toOptionalNumber(row.opened_at),
    mergedAt: Number(row.merged_at),
  }));
}
