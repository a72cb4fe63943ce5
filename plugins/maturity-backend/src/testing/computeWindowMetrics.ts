import {
  EntityMetrics,
  SourceConnections,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { MetricsEntityContext } from '../database/MetricsWindow';
import { MetricsWindowReader } from '../database/MetricsWindowReader';
import { deriveWindowFacts } from '../scoring/deriveWindowFacts';

/**
 * A batch's metrics from stored events as an evaluation computes them (the
 * window read, then deriveWindowFacts, `hasIncidentSource` taken as the
 * annotation mapping), with the connections and CI step kinds beside them.
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
  const mapped = new Set(
    options.entities.filter(e => e.hasIncidentSource).map(e => e.entityRef),
  );
  const facts = deriveWindowFacts(rows, options, mapped);
  return [...facts.metrics.values()].map(m => ({
    ...m,
    connections: facts.connections.get(m.entityRef)!,
    ciStepKinds: facts.ciStepKinds.get(m.entityRef) ?? [],
  }));
}
