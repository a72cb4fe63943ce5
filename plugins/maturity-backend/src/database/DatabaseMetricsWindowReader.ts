import { Knex } from 'knex';
import { MetricsWindow } from './MetricsWindow';
import { MetricsWindowReader, MetricsWindowRows } from './MetricsWindowReader';
import { linkChangesToDeployments } from './operations/metricsWindow/linkChangesToDeployments';
import { readBuilds } from './operations/metricsWindow/readBuilds';
import { readChangeAuthors } from './operations/metricsWindow/readChangeAuthors';
import { readChanges } from './operations/metricsWindow/readChanges';
import {
  deploymentReferencesOf,
  readDeployments,
} from './operations/metricsWindow/readDeployments';
import { readEventPresence } from './operations/metricsWindow/readEventPresence';
import { readIncidents } from './operations/metricsWindow/readIncidents';
import { readRevertedDeployments } from './operations/metricsWindow/readRevertedDeployments';
import { runBatchRead } from './runBatchRead';

/**
 * The metrics window read on the plugin's database: eight statements per
 * batch, the incidents first (deployments they name are read too, however
 * old), the other seven side by side.
 *
 * @internal
 */
export class DatabaseMetricsWindowReader implements MetricsWindowReader {
  constructor(private readonly db: Knex) {}

  async readWindow(window: MetricsWindow): Promise<MetricsWindowRows> {
    const entities = [
      ...new Map(window.entities.map(e => [e.entityRef, e])).values(),
    ];
    if (entities.length === 0) {
      return {
        presence: new Map(),
        deployments: [],
        changeLinks: [],
        reverts: [],
        changes: [],
        authors: [],
        builds: [],
        incidents: [],
      };
    }
    const batch = { entities, from: window.from, to: window.to };
    const from = window.from.getTime();
    const to = window.to.getTime();
    const previousFrom = window.previousFrom ?? new Date(from - (to - from));

    const read = <T>(operation: (tx: Knex) => Promise<T>) =>
      runBatchRead(this.db, operation);
    const incidents = await read(tx => readIncidents(tx, batch));
    const [
      presence,
      deployments,
      changeLinks,
      reverts,
      changes,
      authors,
      builds,
    ] = await Promise.all([
      read(tx => readEventPresence(tx, batch)),
      read(tx => readDeployments(tx, batch, deploymentReferencesOf(incidents))),
      read(tx => linkChangesToDeployments(tx, batch)),
      read(tx => readRevertedDeployments(tx, batch)),
      read(tx => readChanges(tx, batch)),
      read(tx => readChangeAuthors(tx, { ...batch, previousFrom })),
      read(tx => readBuilds(tx, batch)),
    ]);
    return {
      presence,
      deployments,
      changeLinks,
      reverts,
      changes,
      authors,
      builds,
      incidents,
    };
  }
}
