import { EntityMetrics } from '@internal/plugin-maturity-common';
import { Knex } from 'knex';
import { computeEntityMetrics, linkIncidentsToDeployments } from '../metrics';
import { MetricsRequest } from './EntityEvaluator';

/**
 * An entity batch's metrics, each with its incidents' deploy links and how
 * they were made, so the stored metrics explain change failure rate and
 * recovery time down to the incident.
 */
export async function computeMetricsWithLinks(
  db: Knex,
  request: MetricsRequest,
): Promise<EntityMetrics[]> {
  const [metrics, links] = await Promise.all([
    computeEntityMetrics(db, request),
    linkIncidentsToDeployments(db, request),
  ]);
  const linksByEntity = new Map<string, EntityMetrics['incidentLinks']>();
  for (const link of links) {
    const list = linksByEntity.get(link.entityRef) ?? [];
    list.push({
      incidentId: `incident:${link.incidentId}`,
      deploymentId:
        link.deploymentId === null ? null : `deployment:${link.deploymentId}`,
      method: link.method,
    });
    linksByEntity.set(link.entityRef, list);
  }
  return metrics.map(m => ({
    ...m,
    incidentLinks: linksByEntity.get(m.entityRef) ?? [],
  }));
}
