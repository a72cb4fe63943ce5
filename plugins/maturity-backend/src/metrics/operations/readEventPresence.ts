import { Knex } from 'knex';
import { MetricsWindow } from '../MetricsEntityContext';
import { productionDeploymentCondition } from '../productionEnvironment';
import { resultRows, sqlValueList } from './sqlValues';

/** Which kinds of event an entity has ever had, up to the window's end. */
export interface EventPresence {
  builds: boolean;
  changes: boolean;
  /** Any stored incident at all: the incident tool is connected. */
  incidents: boolean;
  productionDeploys: boolean;
}

/**
 * For every entity of the batch, whether it has builds, changes and
 * successful production deployments before the window's end, and incidents at
 * all. One statement.
 */
export async function readEventPresence(
  db: Knex,
  window: MetricsWindow,
): Promise<Map<string, EventPresence>> {
  const entities = sqlValueList(
    db,
    window.entities.map(e => e.entityRef),
  );
  const to = window.to.getTime();
  const production = productionDeploymentCondition(db, 'd', window.entities);
  const rows = resultRows<{ entity_ref: string; kind: keyof EventPresence }>(
    await db.raw(
      `
      select distinct entity_ref, 'builds' as kind from builds
        where entity_ref in (:entities) and occurred_at < :to
      union all
      select distinct entity_ref, 'changes' as kind from changes
        where entity_ref in (:entities) and occurred_at < :to
      union all
      select distinct entity_ref, 'incidents' as kind from incidents
        where entity_ref in (:entities)
      union all
      select distinct d.entity_ref, 'productionDeploys' as kind from deployments d
        where d.entity_ref in (:entities) and d.status = 'success'
          and d.started_at < :to and :production
      `,
      { entities, to, production },
    ),
  );

  const presence = new Map<string, EventPresence>(
    window.entities.map(e => [
      e.entityRef,
      {
        builds: false,
        changes: false,
        incidents: false,
        productionDeploys: false,
      },
    ]),
  );
  for (const row of rows) {
    const entry = presence.get(row.entity_ref);
    if (entry) {
      entry[row.kind] = true;
    }
  }
  return presence;
}
