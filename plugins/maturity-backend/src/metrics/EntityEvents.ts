import { IncidentDeploymentLink } from './linkIncidentsToDeployments';
import { MetricsEntityContext } from '../database/MetricsWindow';
import {
  BuildRecord,
  ChangeAuthor,
  ChangeDeploymentLink,
  ChangeRecord,
  DeploymentRecord,
  DeploymentRevert,
  EventPresence,
  IncidentRecord,
} from '../database/MetricsWindowReader';

/** Everything read for one entity of a batch, for the metric families. */
export interface EntityEvents {
  entity: MetricsEntityContext;
  /** Window bounds in epoch milliseconds. */
  from: number;
  to: number;
  presence: EventPresence;
  /** Whether an incident tool is connected, as the evaluation decided. */
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
