import { IncidentDeploymentLink } from './linkIncidentsToDeployments';
import { MetricsEntityContext } from './MetricsEntityContext';
import { BuildRecord } from './operations/readBuilds';
import { ChangeAuthor } from './operations/readChangeAuthors';
import { ChangeRecord } from './operations/readChanges';
import { DeploymentRecord } from './operations/readDeployments';
import { EventPresence } from './operations/readEventPresence';
import { IncidentRecord } from './operations/readIncidents';
import { DeploymentRevert } from './operations/readRevertedDeployments';
import { ChangeDeploymentLink } from './operations/linkChangesToDeployments';

/** Everything read for one entity of a batch, for the metric families. */
export interface EntityEvents {
  entity: MetricsEntityContext;
  /** Window bounds in epoch milliseconds. */
  from: number;
  to: number;
  presence: EventPresence;
  /** Connected by annotation or by any stored incident. */
  hasIncidentSource: boolean;
  deployments: DeploymentRecord[];
  changeLinks: ChangeDeploymentLink[];
  reverts: DeploymentRevert[];
  changes: ChangeRecord[];
  authors: ChangeAuthor[];
  builds: BuildRecord[];
  incidents: IncidentRecord[];
  incidentLinks: IncidentDeploymentLink[];
}

/** An evidence id as the events API names the stored event. */
export const evidenceId = (
  type: 'build' | 'deployment' | 'change' | 'incident',
  id: number,
) => `${type}:${id}`;
