import {
  DeploymentRecord,
  IncidentRecord,
} from '../database/MetricsWindowReader';
import { DAY_MS } from '../durations';
import { groupByEntity } from './groupByEntity';

/**
 * How an incident was tied to a deployment: named by the incident tool (a
 * linked deployment, a root-cause SHA, or a rollback during the incident),
 * found by the 24-hour rule, or not at all.
 *
 * @internal
 */
export type IncidentLinkMethod = 'explicit' | 'window' | 'none';

/** @internal */
export interface IncidentDeploymentLink {
  incidentId: number;
  entityRef: string;
  deploymentId: number | null;
  method: IncidentLinkMethod;
}

const latestFirst = (a: DeploymentRecord, b: DeploymentRecord) =>
  b.deployedAt - a.deployedAt || b.id - a.id;
const earliestFirst = (a: DeploymentRecord, b: DeploymentRecord) =>
  a.deployedAt - b.deployedAt || a.id - b.id;

/**
 * Links each incident triggered in the window to the deployment that caused
 * it, in order of precedence:
 * 1. a deployment of the entity the incident names by external id (the
 *    latest such one running when it triggered, else the latest);
 * 2. the first successful production deployment that shipped a root-cause
 *    SHA the incident names, running when it triggered;
 * 3. the production deployment replaced by a rollback started between the
 *    trigger and the resolution (24 hours for an open incident);
 * 4. by the window rule, the latest successful production deployment of the
 *    entity running in the 24 hours before the trigger;
 * else none. Works on rows already read: no statement of its own.
 */
export function linkIncidents(
  incidents: IncidentRecord[],
  deployments: DeploymentRecord[],
  window: { from: number; to: number },
): IncidentDeploymentLink[] {
  const byEntity = groupByEntity(deployments);
  return incidents
    .filter(i => i.triggeredAt >= window.from && i.triggeredAt < window.to)
    .map(incident => {
      const own = byEntity.get(incident.entityRef) ?? [];
      const production = own.filter(
        d => d.isProduction && d.status === 'success',
      );
      const link = (
        deploymentId: number | null,
        method: IncidentLinkMethod,
      ) => ({
        incidentId: incident.id,
        entityRef: incident.entityRef,
        deploymentId,
        method,
      });

      const named = own
        .filter(d => incident.linkedDeploymentIds.includes(d.externalId))
        .sort(latestFirst);
      if (named.length) {
        const before = named.find(d => d.deployedAt <= incident.triggeredAt);
        return link((before ?? named[0]).id, 'explicit');
      }

      if (incident.linkedCommitShas.length) {
        const shipped = production
          .filter(
            d =>
              d.deployedAt <= incident.triggeredAt &&
              d.shas.some(sha => incident.linkedCommitShas.includes(sha)),
          )
          .sort(earliestFirst);
        if (shipped.length) {
          return link(shipped[0].id, 'explicit');
        }
      }

      const rollbackUntil =
        incident.resolvedAt ?? incident.triggeredAt + DAY_MS;
      const rollback = production
        .filter(
          d =>
            d.reason === 'rollback' &&
            d.rollsBackId !== undefined &&
            d.startedAt >= incident.triggeredAt &&
            d.startedAt <= rollbackUntil,
        )
        .sort(earliestFirst)[0];
      if (rollback) {
        return link(rollback.rollsBackId!, 'explicit');
      }

      const recent = production
        .filter(
          d =>
            d.deployedAt <= incident.triggeredAt &&
            d.deployedAt >= incident.triggeredAt - DAY_MS,
        )
        .sort(latestFirst)[0];
      if (recent) {
        return link(recent.id, 'window');
      }
      return link(null, 'none');
    });
}
