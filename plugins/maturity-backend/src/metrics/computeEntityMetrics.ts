import {
  EntityMetrics,
  MetricId,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { Knex } from 'knex';
import { runBatchRead } from '../database/runBatchRead';
import { ciMetrics } from './ciMetrics';
import { deliveryMetrics } from './deliveryMetrics';
import { EntityEvents } from './EntityEvents';
import { incidentMetrics } from './incidentMetrics';
import {
  incidentReferences,
  linkIncidents,
} from './linkIncidentsToDeployments';
import { MetricsEntityContext } from './MetricsEntityContext';
import { linkChangesToDeployments } from './operations/linkChangesToDeployments';
import { BuildRecord, readBuilds } from './operations/readBuilds';
import { readChangeAuthors } from './operations/readChangeAuthors';
import { readChanges } from './operations/readChanges';
import { readDeployments } from './operations/readDeployments';
import { readEventPresence } from './operations/readEventPresence';
import { readIncidents } from './operations/readIncidents';
import { readRevertedDeployments } from './operations/readRevertedDeployments';
import { sourceControlMetrics } from './sourceControlMetrics';

/** @internal */
export interface ComputeEntityMetricsOptions {
  /** A batch of entities; up to about a thousand. */
  entities: MetricsEntityContext[];
  /** Window start, inclusive. */
  from: Date;
  /** Window end, exclusive. */
  to: Date;
  /**
   * Start of the previous window for author continuity, which ends at
   * `from`; by default a window as long as this one.
   */
  previousFrom?: Date;
}

function groupByEntity<T extends { entityRef: string }>(
  rows: T[],
): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.entityRef);
    if (group) {
      group.push(row);
    } else {
      groups.set(row.entityRef, [row]);
    }
  }
  return groups;
}

/** The distinct step kinds of an entity's runs, sorted. */
function stepKindsOf(builds: BuildRecord[]): string[] {
  const kinds = new Set<string>();
  let last: readonly string[] | undefined;
  for (let i = 0; i < builds.length; i++) {
    const steps = builds[i].steps;
    // Runs of a pipeline share one parsed step list: skip repeats cheaply.
    if (steps === last) continue;
    last = steps;
    for (let j = 0; j < steps.length; j++) kinds.add(steps[j]);
  }
  return [...kinds].sort();
}

/**
 * Every metric of METRIC_DEFINITIONS for a batch of entities over the window
 * [from, to), with each incident's deploy link and how it was made (so the
 * stored metrics explain change failure rate and recovery time down to the
 * incident) and the kinds of step its CI runs had, from the stored raw
 * events. The batch is read with a fixed
 * number of statements whatever its size (eight), each covering all its
 * entities; the per-entity arithmetic happens in one pass over the rows.
 *
 * @internal
 */
export async function computeEntityMetrics(
  db: Knex,
  options: ComputeEntityMetricsOptions,
): Promise<EntityMetrics[]> {
  const entities = [
    ...new Map(options.entities.map(e => [e.entityRef, e])).values(),
  ];
  if (entities.length === 0) {
    return [];
  }
  const window = { entities, from: options.from, to: options.to };
  const from = options.from.getTime();
  const to = options.to.getTime();
  const previousFrom = options.previousFrom ?? new Date(from - (to - from));

  const read = <T>(operation: (tx: Knex) => Promise<T>) =>
    runBatchRead(db, operation);
  const incidents = await read(tx => readIncidents(tx, window));
  const [
    presence,
    deployments,
    changeLinks,
    reverts,
    changes,
    authors,
    builds,
  ] = await Promise.all([
    read(tx => readEventPresence(tx, window)),
    read(tx => readDeployments(tx, window, incidentReferences(incidents))),
    read(tx => linkChangesToDeployments(tx, window)),
    read(tx => readRevertedDeployments(tx, window)),
    read(tx => readChanges(tx, window)),
    read(tx => readChangeAuthors(tx, { ...window, previousFrom })),
    read(tx => readBuilds(tx, window)),
  ]);
  const incidentLinks = linkIncidents(incidents, deployments, { from, to });

  const deploymentsOf = groupByEntity(deployments);
  const changeLinksOf = groupByEntity(changeLinks);
  const revertsOf = groupByEntity(reverts);
  const changesOf = groupByEntity(changes);
  const authorsOf = groupByEntity(authors);
  const buildsOf = groupByEntity(builds);
  const incidentsOf = groupByEntity(incidents);
  const incidentLinksOf = groupByEntity(incidentLinks);

  return entities.map(entity => {
    const ref = entity.entityRef;
    const entityPresence = presence.get(ref)!;
    const events: EntityEvents = {
      entity,
      from,
      to,
      presence: entityPresence,
      hasIncidentSource: entity.hasIncidentSource || entityPresence.incidents,
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
      connections: {
        scm: entityPresence.changes || entityPresence.repoFacts,
        ci: entityPresence.builds,
        incidents: entityPresence.incidents,
      },
      ciStepKinds: stepKindsOf(events.builds),
      incidentLinks: events.incidentLinks.map(link => ({
        incidentId: `incident:${link.incidentId}`,
        deploymentId:
          link.deploymentId === null ? null : `deployment:${link.deploymentId}`,
        method: link.method,
      })),
    };
  });
}
