import { Knex } from 'knex';
import { MetricsWindow } from '../../MetricsWindow';
import { productionDeploymentCondition } from './productionDeploymentCondition';
import { toOptionalNumber, windowBindings } from './sqlValues';
import { selectBatchRows } from './selectBatchRows';

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
 *
 * The statement starts from the window's production deployments (a
 * materialized set, so neither engine's planner can start from a year of
 * changes), joins the changes they shipped, and drops a change when an
 * earlier production deployment before the window had already shipped it
 * (only a change merged before the window can have been, so only those are
 * looked up).
 */
export async function linkChangesToDeployments(
  db: Knex,
  window: MetricsWindow,
): Promise<ChangeDeploymentLink[]> {
  return selectBatchRows(
    db,
    {
      sql: `
      with window_deployments as materialized (
        select d.id, d.entity_ref,
          coalesce(d.finished_at, d.started_at) as deployed_at
        from deployments d
        where d.entity_ref in (:entities)
          and d.occurred_at < :to
          and d.status = 'success' and :productionD
          and coalesce(d.finished_at, d.started_at) >= :from
          and coalesce(d.finished_at, d.started_at) < :to
      ),
      candidates as (
        select c.id as change_id, wd.id as deployment_id, wd.deployed_at
        from window_deployments wd
        join deployment_commits dc on dc.deployment_id = wd.id
        join change_commits cc
          on cc.entity_ref = dc.entity_ref and cc.sha = dc.sha
        join changes c on c.id = cc.change_id
        where c.entity_ref = wd.entity_ref
          and c.state = 'merged' and c.merged_at is not null
          and wd.deployed_at >= c.merged_at
          and (c.merged_at >= :from or not exists (
            select 1
            from change_commits pc
            join deployment_commits pdc
              on pdc.entity_ref = pc.entity_ref and pdc.sha = pc.sha
            join deployments p on p.id = pdc.deployment_id
            where pc.change_id = c.id
              and p.entity_ref = c.entity_ref
              and p.status = 'success' and :productionP
              and coalesce(p.finished_at, p.started_at) >= c.merged_at
              and coalesce(p.finished_at, p.started_at) < :from
          ))
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
      where r.position = 1
      `,
      bindings: {
        ...windowBindings(db, window),
        productionD: productionDeploymentCondition(db, 'd', window.entities),
        productionP: productionDeploymentCondition(db, 'p', window.entities),
      },
      columns: [
        'change_id',
        'deployment_id',
        'deployed_at',
        'entity_ref',
        'authored_at',
        'opened_at',
        'merged_at',
      ],
      orderBy: 'deployed_at desc, change_id desc',
    },
    row => ({
      changeId: Number(row.change_id),
      entityRef: String(row.entity_ref),
      deploymentId: Number(row.deployment_id),
      deployedAt: Number(row.deployed_at),
      authoredAt: toOptionalNumber(row.authored_at),
      openedAt: toOptionalNumber(row.opened_at),
      mergedAt: Number(row.merged_at),
    }),
  );
}
