import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { MaturityDatabase } from '../database/MaturityDatabase';
import { EntityEvaluator } from './EntityEvaluator';
import { readEvaluationConfig } from './readEvaluationConfig';
import { ConfigReader } from '@backstage/config';
import { scheduleEvaluation } from './scheduleEvaluation';

jest.setTimeout(60_000);

type Task = SchedulerServiceTaskScheduleDefinition & {
  id: string;
  scope?: string;
  fn: (signal: AbortSignal) => Promise<void>;
};

describe('scheduleEvaluation', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  async function setUp(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    const db = await MaturityDatabase.create({
      database: { getClient: async () => knex },
    });
    const tasks = new Map<string, Task>();
    const scheduler = mockServices.scheduler.mock({
      scheduleTask: async task => {
        tasks.set(task.id, task as Task);
      },
    });
    const evaluator = {
      evaluateRefs: jest.fn(async (refs: string[]) => refs.length),
      evaluateAll: jest.fn(async (_now?: Date, _shard?: unknown) => ({
        evaluated: 1,
        removed: 0,
      })),
      backfillHistory: jest.fn(async () => 0),
    };
    const rollups = { rebuild: jest.fn(async () => {}) };
    const config = readEvaluationConfig(new ConfigReader({}));
    await scheduleEvaluation({
      ...db,
      ...config,
      scheduler,
      evaluator: evaluator as unknown as EntityEvaluator,
      rollups,
      logger: mockServices.logger.mock(),
    });
    const run = (id: string) => tasks.get(id)!.fn(new AbortController().signal);
    return { db, tasks, evaluator, rollups, run };
  }

  it.each(databases.eachSupportedId())(
    'registers one global task per shard with the documented timeouts, %p',
    async databaseId => {
      const { tasks } = await setUp(databaseId);
      expect([...tasks.keys()].sort()).toEqual([
        'maturity-evaluate-all-0',
        'maturity-evaluate-all-1',
        'maturity-evaluate-all-2',
        'maturity-evaluate-all-3',
        'maturity-evaluate-changed',
      ]);
      for (const task of tasks.values()) expect(task.scope).toBe('global');
      for (let i = 0; i < 4; i++) {
        expect(tasks.get(`maturity-evaluate-all-${i}`)).toMatchObject({
          frequency: { hours: 1 },
          timeout: { minutes: 10 },
        });
      }
      expect(tasks.get('maturity-evaluate-changed')).toMatchObject({
        frequency: { seconds: 30 },
        timeout: { milliseconds: 120_000 },
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'evaluates each shard apart and rebuilds the rollups once all shards of a cadence completed, after a failed shard is run again, %p',
    async databaseId => {
      const { evaluator, rollups, run } = await setUp(databaseId);
      for (const i of [0, 1, 2]) await run(`maturity-evaluate-all-${i}`);
      expect(evaluator.evaluateAll.mock.calls.map(call => call[1])).toEqual([
        { index: 0, count: 4 },
        { index: 1, count: 4 },
        { index: 2, count: 4 },
      ]);
      expect(rollups.rebuild).not.toHaveBeenCalled();

      // Shard 3 dies midway: no completion, no rollups.
      evaluator.evaluateAll.mockRejectedValueOnce(new Error('killed'));
      await expect(run('maturity-evaluate-all-3')).rejects.toThrow('killed');
      expect(rollups.rebuild).not.toHaveBeenCalled();
      // The scheduler runs it again: the cadence completes, rollups follow.
      await run('maturity-evaluate-all-3');
      expect(rollups.rebuild).toHaveBeenCalledTimes(1);

      // The next cadence (later by more than the clock's resolution): once
      // more after its last shard, not before.
      await new Promise(resolve => setTimeout(resolve, 5));
      for (const i of [3, 1, 0]) await run(`maturity-evaluate-all-${i}`);
      expect(rollups.rebuild).toHaveBeenCalledTimes(1);
      await run('maturity-evaluate-all-2');
      expect(rollups.rebuild).toHaveBeenCalledTimes(2);
    },
  );

  it.each(databases.eachSupportedId())(
    'leaves the entities of a queued run that throws after taking them to the next run, %p',
    async databaseId => {
      const { db, evaluator, run } = await setUp(databaseId);
      const refs = ['component:default/a', 'component:default/b'];
      await db.evaluationQueue.enqueueEvaluation(refs, new Date());
      evaluator.evaluateRefs.mockRejectedValueOnce(new Error('killed'));
      await expect(run('maturity-evaluate-changed')).rejects.toThrow('killed');

      await run('maturity-evaluate-changed');
      expect(evaluator.evaluateRefs).toHaveBeenCalledTimes(2);
      expect(evaluator.evaluateRefs.mock.calls[1][0]).toEqual(refs);
      // Evaluated, so off the queue.
      await expect(
        db.evaluationQueue.takeQueuedEvaluations(10),
      ).resolves.toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'picks up the entities of a run that died holding them once its lease expired, %p',
    async databaseId => {
      const { db, evaluator, run } = await setUp(databaseId);
      await db.evaluationQueue.enqueueEvaluation(
        ['component:default/a'],
        new Date(),
      );
      // A replica took the entity three minutes ago and died.
      const then = new Date(Date.now() - 3 * 60_000);
      await db.evaluationQueue.takeQueuedEvaluations(10, {
        owner: 'dead-replica',
        now: then,
        expiresAt: new Date(then.getTime() + 2 * 60_000),
      });
      await run('maturity-evaluate-changed');
      expect(evaluator.evaluateRefs).toHaveBeenCalledWith(
        ['component:default/a'],
        expect.any(Date),
      );
    },
  );
});
