import {
  EntityMetrics,
  SourceConnections,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { MetricsEntityContext } from '../database/MetricsWindow';
import { MetricsWindowReader } from '../database/MetricsWindowReader';
import { ciStepKindsByEntity, computeEntityMetrics } from '../metrics';
import { sourceConnections } from '../scoring/sourceConnections';

/**
 * A batch's metrics from stored events as an evaluation computes them: the
 * window read, the connected tools decided (`hasIncidentSource` taken as
 * the annotation mapping), the arithmetic; with the connections and CI
 * step kinds the evaluation derives beside them.
 */
export async function computeWindowMetrics(
  reader: MetricsWindowReader,
  options: {
    entities: MetricsEntityContext[];
    from: Date;
    to: Date;
    previousFrom?: Date;
  },
): Promise<
  Array<
    EntityMetrics & { connections: SourceConnections; ciStepKinds: string[] }
  >
> {
  const rows = await reader.readWindow(options);
  const connections = new Map(
    options.entities.map(e => [
      e.entityRef,
      sourceConnections(rows.presence.get(e.entityRef), e.hasIncidentSource),
    ]),
  );
  const metrics = computeEntityMetrics(rows, {
    ...options,
    entities: options.entities.map(e => ({
      ...e,
      hasIncidentSource: connections.get(e.entityRef)!.incidents,
    })),
  });
  const ciStepKinds = ciStepKindsByEntity(rows.builds);
  return metrics.map(m => ({
    ...m,
    connections: connections.get(m.entityRef)!,
    ciStepKinds: ciStepKinds.get(m.entityRef) ?? [],
  }));
}
