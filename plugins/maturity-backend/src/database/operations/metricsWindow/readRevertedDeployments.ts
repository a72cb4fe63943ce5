import { Knex } from 'knex';
import { MetricsWindow } from '../../MetricsWindow';
import { productionDeploymentCondition } from './productionDeploymentCondition';
import { windowBindings } from './sqlValues';
import { selectBatchRows } from './selectBatchRows';

/** A production deployment whose commit a later merged change reverted. */
export interface DeploymentRevert {
  deploymentId: number;
  entityRef: string;
  revertChangeId: number;
  revertedAt: number;
}

/**
 * The production deployments running in the window that a revert merged
 * before the window's end took back: for each revert, the first successful
 * production deployment, at or before the revert's merge, that deployed or
 * shipped the reverted SHA. One statement, starting from the window's
 * reverts (materialized, so the planner cannot start from the deployments).
 */
export async function readRevertedDeployments(
  db: Knex,
  window: MetricsWindow,
): Promise<DeploymentRevert[]> {
  return selectBatchRows(
    db,
    {
      sql: `
      with reverts as materialized (
        select c.id, c.entity_ref, c.merged_at, lower(c.reverts_sha) as sha
        from changes c
        where c.entity_ref in (:entities)
          and c.is_revert and c.reverts_sha is not null
          and c.state = 'merged'
          and c.merged_at >= :from and c.merged_at < :to
      ),
      candidates as (
        select r.id as change_id, r.merged_at, d.id as deployment_id,
          d.entity_ref, coalesce(d.finished_at, d.started_at) as deployed_at
        from reverts r
        join deployment_commits dc
          on dc.entity_ref = r.entity_ref and dc.sha = r.sha
        join deployments d on d.id = dc.deployment_id
        where d.status = 'success' and :production
          and coalesce(d.finished_at, d.started_at) <= r.merged_at
      ),
      ranked as (
        select change_id, merged_at, deployment_id, entity_ref, deployed_at,
          row_number() over (
            partition by change_id order by deployed_at, deployment_id
          ) as position
        from candidates
      )
      select change_id, merged_at, deployment_id, entity_ref
      from ranked
      where position = 1 and deployed_at >= :from
      `,
      bindings: {
        ...windowBindings(db, window),
        production: productionDeploymentCondition(db, 'd', window.entities),
      },
      columns: ['change_id', 'merged_at', 'deployment_id', 'entity_ref'],
    },
    row => ({
      deploymentId: Number(row.deployment_id),
      entityRef: String(row.entity_ref),
      revertChangeId: Number(row.change_id),
      revertedAt: Number(row.merged_at),
    }),
  );
}
