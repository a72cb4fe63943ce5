import {
  SchedulerService,
  SchedulerServiceTaskInvocationDefinition,
} from '@backstage/backend-plugin-api';
import { scheduleSourceSync } from './scheduleSourceSync';

function fakeScheduler() {
  const tasks: SchedulerServiceTaskInvocationDefinition[] = [];
  const scheduler = {
    scheduleTask: async (task: SchedulerServiceTaskInvocationDefinition) => {
      tasks.push(task);
    },
  } as Partial<SchedulerService> as SchedulerService;
  return { scheduler, tasks };
}

interface Outcome {
  repo: string;
  error?: Error;
}

async function schedule(sync: () => Promise<Outcome[]>) {
  const { scheduler, tasks } = fakeScheduler();
  await scheduleSourceSync({
    scheduler,
    id: 'maturity-tool-sync',
    schedule: { frequency: { minutes: 10 }, timeout: { minutes: 8 } },
    sync,
    sourceName: 'Tool',
    scopes: 'repositories',
    scopeOf: outcome => outcome.repo,
  });
  return tasks;
}

describe('scheduleSourceSync', () => {
  it('schedules one global task on the given schedule that runs the sync', async () => {
    const sync = jest.fn(async () => [{ repo: 'acme/shop' }]);
    const tasks = await schedule(sync);
    expect(tasks).toEqual([
      expect.objectContaining({
        id: 'maturity-tool-sync',
        scope: 'global',
        frequency: { minutes: 10 },
        timeout: { minutes: 8 },
      }),
    ]);
    expect(sync).not.toHaveBeenCalled();
    await expect(
      tasks[0].fn(new AbortController().signal),
    ).resolves.toBeUndefined();
    expect(sync).toHaveBeenCalledTimes(1);
  });

  it('fails a run in which some scopes failed, naming them', async () => {
    const [task] = await schedule(async () => [
      { repo: 'acme/shop', error: new Error('answered 502') },
      { repo: 'acme/ledger' },
      { repo: 'acme/cart', error: new Error('answered 403') },
    ]);
    await expect(task.fn(new AbortController().signal)).rejects.toThrow(
      'Tool sync failed for 2 of 3 repositories: acme/shop, acme/cart',
    );
  });

  it('lets a run that failed as a whole fail with its own error', async () => {
    const [task] = await schedule(async () => {
      throw new Error('catalog unavailable');
    });
    await expect(task.fn(new AbortController().signal)).rejects.toThrow(
      'catalog unavailable',
    );
  });
});
