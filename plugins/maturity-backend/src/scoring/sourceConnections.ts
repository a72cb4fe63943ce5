import { SourceConnections } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { EventPresence } from '../database/MetricsWindowReader';

/**
 * Which kinds of tool are connected to an entity, decided once per
 * evaluation and used by both the metrics and the rubric: source control
 * when it ever had a change or a repository fact, CI when it ever had a
 * build, an incident tool when one is mapped to it by annotation or it ever
 * had an incident (without one, no incident is no evidence of stability).
 */
export function sourceConnections(
  presence: EventPresence | undefined,
  mappedToIncidentTool: boolean,
): SourceConnections {
  return {
    scm: !!presence && (presence.changes || presence.repoFacts),
    ci: !!presence?.builds,
    incidents: mappedToIncidentTool || !!presence?.incidents,
  };
}
