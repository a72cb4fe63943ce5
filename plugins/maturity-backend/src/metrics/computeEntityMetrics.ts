import {
  EntityMetrics,
  MetricId,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { MetricsEntityContext } from '../database/MetricsWindow';
import { MetricsWindowRows } from '../database/MetricsWindowReader';
import { ciMetrics } from './ciMetrics';
import { deliveryMetrics } from './deliveryMetrics';
import { EntityEvents } from './EntityEvents';
import { groupByEntity } from './groupByEntity';
import { incidentMetrics } from './incidentMetrics';
import { linkIncidents } from './linkIncidentsToDeployments';
import { sourceControlMetrics } from './sourceControlMetrics';

/** @internal */
export interface ComputeEntityMetricsOptions {
  /** The batch's entities, with their incident connectivity decided. */
  entities: MetricsEntityContext[];
  /** Window start, inclusive. */
  from: Date;
  /** Window end, exclusive. */
  to: Date;
}

/**
 * Every metric of METRIC_DEFINITIONS for a batch of entities over the window
 * [from, to), with each incident's deploy link and how it was made (so the
 * stored metrics explain change failure rate and recovery time down to the
 * incident), from the rows of the window read for the batch. Arithmetic
 * only: one pass over the rows, grouped by entity.
 *
 * @internal
 */
export function computeEntityMetrics(
  rows: MetricsWindowRows,
  options: ComputeEntityMetricsOptions,
): EntityMetrics[] {
  const entities = [
    ...new Map(options.entities.map(e => [e.entityRef, e])).values(),
  ];
  const from = options.from.getTime();
  const to = options.to.getTime();
  const incidentLinks = linkIncidents(rows.incidents, rows.deployments, {
    from,
    to,
  });

  const deploymentsOf = groupByEntity(rows.deployments);
  const changeLinksOf = groupByEntity(rows.changeLinks);
  const revertsOf = groupByEntity(rows.reverts);
  const changesOf = groupByEntity(rows.changes);
  const authorsOf = groupByEntity(rows.authors);
  const buildsOf = groupByEntity(rows.builds);
  const incidentsOf = groupByEntity(rows.incidents);
  const incidentLinksOf = groupByEntity(incidentLinks);

  return entities.map(entity => {
    const ref = entity.entityRef;
    const events: EntityEvents = {
      entity,
      from,
      to,
      presence: rows.presence.get(ref) ?? {
        builds: false,
        changes: false,
        repoFacts: false,
        incidents: false,
        productionDeploys: false,
      },
      hasIncidentSource: entity.hasIncidentSource,
      deployments: deploymentsOf.get(ref) ?? [],
      changeLinks: changeLinksOf.get(ref) ?? [],
      reverts: revertsOf.get(ref) ?? [],
      changes: changesOf.get(ref) ?? [],
      authors: authorsOf.get(ref) ?? [],
      builds: buildsOf.get(ref) ?? [],
      incidents: incidentsOf.get(ref) ?? [],
      incidentLinks: incidentLinksOf.get(ref) ?? [],
    };
    const metrics: EntityMetrics['metrics'] = {
      ...deliveryMetrics(events),
      ...ciMetrics(events),
      ...sourceControlMetrics(events),
      ...incidentMetrics(events),
    } satisfies Record<MetricId, unknown>;
    return {
      entityRef: ref,
      from: options.from.toISOString(),
      to: options.to.toISOString(),
      metrics,
      incidentLinks: events.incidentLinks.map(link => ({
        incidentId: `incident:${link.incidentId}`,
        deploymentId:
          link.deploymentId === null ? null : `deployment:${link.deploymentId}`,
        method: link.method,
      })),
    };
  });
}
