import { MetricsWindow } from './MetricsWindow';
import { ChangeDeploymentLink } from './operations/metricsWindow/linkChangesToDeployments';
import { BuildRecord } from './operations/metricsWindow/readBuilds';
import { ChangeAuthor } from './operations/metricsWindow/readChangeAuthors';
import { ChangeRecord } from './operations/metricsWindow/readChanges';
import { DeploymentRecord } from './operations/metricsWindow/readDeployments';
import { EventPresence } from './operations/metricsWindow/readEventPresence';
import { IncidentRecord } from './operations/metricsWindow/readIncidents';
import { DeploymentRevert } from './operations/metricsWindow/readRevertedDeployments';

/**
 * The stored events of a batch of entities that the metrics of a window
 * are computed from, each list covering all of the batch's entities.
 *
 * @internal
 */
export interface MetricsWindowRows {
  /** Per entity of the batch: which kinds of event it ever had. */
  presence: Map<string, EventPresence>;
  deployments: DeploymentRecord[];
  changeLinks: ChangeDeploymentLink[];
  reverts: DeploymentRevert[];
  changes: ChangeRecord[];
  authors: ChangeAuthor[];
  builds: BuildRecord[];
  incidents: IncidentRecord[];
}

/**
 * Reads the rows of a metrics window for a batch of entities, with a fixed
 * number of statements whatever the batch's size.
 *
 * @internal
 */
export interface MetricsWindowReader {
  readWindow(window: MetricsWindow): Promise<MetricsWindowRows>;
}

export type {
  BuildRecord,
  ChangeAuthor,
  ChangeDeploymentLink,
  ChangeRecord,
  DeploymentRecord,
  DeploymentRevert,
  EventPresence,
  IncidentRecord,
};
