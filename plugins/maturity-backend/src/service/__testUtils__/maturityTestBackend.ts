import { BackendFeature } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { JsonObject } from '@backstage/types';
import { maturityPlugin } from '../../plugin';

/** Where a test backend serves the plugin's routes. */
export const MATURITY_API = '/api/maturity/v1';

/** The mock user's Authorization header. */
export const USER = { Authorization: mockCredentials.user.header() };

/** What {@link startMaturityTestBackend} starts the plugin with. */
export interface MaturityTestBackendOptions {
  /** The catalog's entities; none by default. */
  entities?: Entity[];
  /** A permission policy; by default everything is allowed. */
  permissions?: ReturnType<typeof mockServices.permissions.mock>;
  /** The root config; the test backend's default by default. */
  config?: JsonObject;
  /**
   * Scheduled tasks run only when the test asks (`runTask`,
   * `evaluateAll`), not at start-up as in the test backend's scheduler.
   */
  tasksOnRequest?: boolean;
  /** More features: modules, service factories. */
  features?: BackendFeature[];
}

/**
 * The plugin in a test backend with a mock catalog, for route tests through
 * supertest: its server, and its scheduled tasks to run on request.
 */
export async function startMaturityTestBackend(
  options: MaturityTestBackendOptions = {},
) {
  const scheduledTasks = new Map<string, () => Promise<void>>();
  const scheduler = mockServices.scheduler.mock({
    scheduleTask: async task => {
      scheduledTasks.set(task.id, async () => {
        await task.fn(new AbortController().signal);
      });
    },
  });
  const { server } = await startTestBackend({
    features: [
      maturityPlugin,
      catalogServiceMock.factory({ entities: options.entities ?? [] }),
      ...(options.tasksOnRequest ? [scheduler.factory] : []),
      ...(options.permissions ? [options.permissions.factory] : []),
      ...(options.config
        ? [mockServices.rootConfig.factory({ data: options.config })]
        : []),
      ...(options.features ?? []),
    ],
  });

  /** Runs a scheduled task; with `tasksOnRequest` only. */
  const runTask = async (id: string) => {
    const task = scheduledTasks.get(id);
    if (!task) {
      throw new Error(`no scheduled task ${id}`);
    }
    await task();
  };

  return {
    server,
    runTask,
    /**
     * A full evaluation run: every shard's task, the last of which rebuilds
     * the rollups; with `tasksOnRequest` only.
     */
    async evaluateAll() {
      const shards = [...scheduledTasks.keys()].filter(id =>
        id.startsWith('maturity-evaluate-all-'),
      );
      expect(shards.length).toBeGreaterThan(0);
      for (const id of shards) await runTask(id);
    },
  };
}
