import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  createBackendModule,
  createBackendPlugin,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { maturitySourcesExtensionPoint } from '@maturity-for-backstage/backstage-plugin-maturity-node';
import { maturityPlugin } from '../plugin';
import { SchedulingAfterStart } from './SchedulingAfterStart';

const task = (id: string) => ({
  id,
  frequency: { minutes: 1 },
  timeout: { minutes: 1 },
  fn: async () => {},
});

describe('SchedulingAfterStart', () => {
  it('holds tasks back until started, then schedules them and every later one', async () => {
    const scheduler = mockServices.scheduler.mock();
    const scheduling = new SchedulingAfterStart(scheduler);
    await scheduling.scheduleTask(task('a'));
    await scheduling
      .createScheduledTaskRunner({
        frequency: { hours: 1 },
        timeout: { minutes: 5 },
      })
      .run({ id: 'b', fn: async () => {} });
    expect(scheduler.scheduleTask).not.toHaveBeenCalled();

    await scheduling.start();
    await scheduling.scheduleTask(task('c'));
    expect(
      scheduler.scheduleTask.mock.calls.map(([t]) => [t.id, t.frequency]),
    ).toEqual([
      ['a', { minutes: 1 }],
      ['b', { hours: 1 }],
      ['c', { minutes: 1 }],
    ]);
  });
});

describe('the plugin on a backend that fails to start', () => {
  // A source module: connected (and scheduling its sync) with the plugin's
  // scheduled work.
  const connected = jest.fn();
  const source = createBackendModule({
    pluginId: 'maturity',
    moduleId: 'probe-source',
    register(env) {
      env.registerInit({
        deps: { sources: maturitySourcesExtensionPoint },
        async init({ sources }) {
          sources.addSource({ id: 'probe', connect: async () => connected() });
        },
      });
    },
  });
  const broken = createBackendPlugin({
    pluginId: 'broken',
    register(env) {
      env.registerInit({
        deps: {},
        async init() {
          throw new Error('migration failed');
        },
      });
    },
  });

  async function start(
    features: Parameters<typeof startTestBackend>[0]['features'],
  ) {
    const scheduler = mockServices.scheduler.mock();
    const started = startTestBackend({
      features: [
        maturityPlugin,
        source,
        catalogServiceMock.factory({ entities: [] }),
        scheduler.factory,
        ...(features ?? []),
      ],
    });
    return { scheduler: scheduler as jest.Mocked<SchedulerService>, started };
  }

  beforeEach(() => connected.mockReset());

  it('schedules its work once the whole backend has started', async () => {
    const { scheduler, started } = await start([]);
    const backend = await started;
    expect(scheduler.scheduleTask.mock.calls.map(([t]) => t.id)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^maturity-evaluate-/),
        'maturity-campaign-progress',
      ]),
    );
    expect(connected).toHaveBeenCalledTimes(1);
    await backend.stop();
  });

  it('schedules nothing and connects no source when another plugin failed to start', async () => {
    const { scheduler, started } = await start([broken]);
    const error = await started.then(
      () => undefined,
      (e: Error) => e,
    );
    // The maturity plugin itself started; the other one did not.
    expect(error?.message).toMatch(/'broken'/);
    expect(error?.message).not.toMatch(/'maturity'/);
    expect(scheduler.scheduleTask).not.toHaveBeenCalled();
    expect(connected).not.toHaveBeenCalled();
  });
});
