import { Knex } from 'knex';
import { productionDeploymentCondition } from './productionDeploymentCondition';
import { MetricsEntityContext } from '../../MetricsWindow';
import { entityRefRows, toOptionalNumber } from './sqlValues';
import { selectBatchRows } from './selectBatchRows';

/** Which kinds of event an entity has ever had, up to the window's end. */
export interface EventPresence {
  builds: boolean;
  changes: boolean;
  /** Any stored repository fact. */
  repoFacts: boolean;
  /** Any stored incident at all: the incident tool is connected. */
  incidents: boolean;
  productionDeploys: boolean;
  /**
   * When the latest successful production deployment started before `to`
   * was running (finish time, else start): how long ago the entity last
   * deployed to production, however far back. Undefined without one.
   */
  lastProductionDeployAt?: number;
}

/**
 * For every entity, whether it has builds, changes, repository facts and
 * successful production deployments before `to` (by default ever), with
 * when the latest of those deployments was running, and incidents at all.
 * One statement: an indexed probe per entity and kind
 * (a scalar subquery with `limit 1`, which PostgreSQL cannot turn into a
 * hashed scan of the whole table as it may an `exists`), so the cost does
 * not grow with the entities' history.
 */
export async function readEventPresence(
  db: Knex,
  window: {
    entities: Array<
      Pick<MetricsEntityContext, 'entityRef' | 'productionEnvironment'>
    >;
    to?: Date;
  },
): Promise<Map<string, EventPresence>> {
  const refs = window.entities.map(e => e.entityRef);
  const presence = new Map<string, EventPresence>(
    refs.map(ref => [
      ref,
      {
        builds: false,
        changes: false,
        repoFacts: false,
        incidents: false,
        productionDeploys: false,
      },
    ]),
  );
  if (refs.length === 0) {
    return presence;
  }
  const to = window.to?.getTime() ?? Number.MAX_SAFE_INTEGER;
  const production = productionDeploymentCondition(db, 'd', window.entities);
  await selectBatchRows(
    db,
    {
      sql: `
      select e.ref,
        (select 1 from builds b
          where b.entity_ref = e.ref and b.occurred_at < :to
          limit 1) as builds,
        (select 1 from changes c
          where c.entity_ref = e.ref and c.occurred_at < :to
          limit 1) as changes,
        (select 1 from repo_facts f
          where f.entity_ref = e.ref and f.occurred_at < :to
          limit 1) as repo_facts,
        (select 1 from incidents i
          where i.entity_ref = e.ref
          limit 1) as incidents,
        (select coalesce(d.finished_at, d.started_at) from deployments d
          where d.entity_ref = e.ref and d.occurred_at < :to
            and d.status = 'success' and :production
          order by d.occurred_at desc
          limit 1) as production_deployed_at
      from :refs e
      `,
      bindings: { refs: entityRefRows(db, refs), to, production },
      columns: [
        'ref',
        'builds',
        'changes',
        'repo_facts',
        'incidents',
        'production_deployed_at',
      ],
    },
    row => {
      const entry = presence.get(String(row.ref));
      if (entry) {
        entry.builds = Number(row.builds) === 1;
        entry.changes = Number(row.changes) === 1;
        entry.repoFacts = Number(row.repo_facts) === 1;
        entry.incidents = Number(row.incidents) === 1;
        const deployedAt = toOptionalNumber(row.production_deployed_at);
        entry.productionDeploys = deployedAt !== undefined;
        entry.lastProductionDeployAt = deployedAt;
      }
    },
  );
  return presence;
}
