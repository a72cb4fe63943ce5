import {
  EntityMetrics,
  SourceConnections,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { MetricsWindow } from '../database/MetricsWindow';
import { MetricsWindowRows } from '../database/MetricsWindowReader';
import { ciStepKindsByEntity, computeEntityMetrics } from '../metrics';
import { sourceConnections } from './sourceConnections';

/** What an evaluation derives from a batch's window rows, per entity. */
export interface WindowFacts {
  metrics: Map<string, EntityMetrics>;
  /** The connected tools, decided once (see sourceConnections). */
  connections: Map<string, SourceConnections>;
  /** The distinct step kinds of each entity's runs in the window. */
  ciStepKinds: Map<string, string[]>;
}

/**
 * Decides each entity's connected tools from the rows and its incident
 * annotation, then computes its metrics (incident-based ones only with an
 * incident tool connected) and its CI step kinds: the read stage's work,
 * shared with the tests that check the metrics from stored events.
 */
export function deriveWindowFacts(
  rows: MetricsWindowRows,
  window: MetricsWindow,
  mappedToIncidentTool: ReadonlySet<string>,
): WindowFacts {
  const connections = new Map(
    window.entities.map(e => [
      e.entityRef,
      sourceConnections(
        rows.presence.get(e.entityRef),
        mappedToIncidentTool.has(e.entityRef),
      ),
    ]),
  );
  const metrics = computeEntityMetrics(rows, {
    from: window.from,
    to: window.to,
    entities: window.entities.map(e => ({
      ...e,
      hasIncidentSource: connections.get(e.entityRef)!.incidents,
    })),
  });
  return {
    metrics: new Map(metrics.map(m => [m.entityRef, m])),
    connections,
    ciStepKinds: ciStepKindsByEntity(rows.builds),
  };
}
