import { mockServices } from '@backstage/backend-test-utils';
import {
  defaultRubric,
  Rollup,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { RollupBuilder } from './RollupBuilder';

function setUp() {
  const replaced: Rollup[][] = [];
  const builder = new RollupBuilder({
    results: { listAllSummaries: async () => [] },
    history: { getLevelsAsOf: async () => new Map() },
    rollups: {
      replaceRollups: async rollups => {
        replaced.push(rollups);
      },
    },
    readScope: async () => ({
      groups: [{ ref: 'group:default/platform' }],
      systemDomains: new Map(),
    }),
    rubric: defaultRubric,
    logger: mockServices.logger.mock(),
    debounceMs: 1000,
  });
  return { builder, replaced };
}

describe('RollupBuilder', () => {
  afterEach(() => jest.useRealTimers());

  it('rebuilds every rollup from the stores and the catalog scope', async () => {
    const { builder, replaced } = setUp();
    await builder.rebuild(new Date('2026-11-23T12:00:00Z'));
    expect(replaced).toHaveLength(1);
    expect(replaced[0].map(r => r.scopeRef).sort()).toEqual([
      'group:default/platform',
      'org',
    ]);
    expect(replaced[0][0].computedAt).toBe('2026-11-23T12:00:00.000Z');
  });

  it('finds movers by the raw levels of history now and 30 days before', async () => {
    const replaced: Rollup[][] = [];
    const asked: string[] = [];
    const entityRef = 'component:default/checkout';
    const builder = new RollupBuilder({
      results: {
        listAllSummaries: async () => [
          {
            entityRef,
            kind: 'component',
            ownerRef: 'group:default/platform',
            // Held at 3; its checks gave 2 then and give 3 now.
            overallLevel: 3,
            categoryLevels: {
              culture: 3,
              design: 3,
              'build-deploy': 3,
              test: 3,
              information: 3,
            },
            deliveryBand: null,
            imbalanced: false,
            mlopsLevel: null,
            rubricVersion: 'v1',
            evaluatedAt: '2026-11-23T10:00:00.000Z',
            checkStates: {},
          },
        ],
      },
      history: {
        getLevelsAsOf: async day => {
          asked.push(day.toISOString());
          return new Map([
            [entityRef, day.toISOString().startsWith('2026-11-23') ? 3 : 2],
          ]);
        },
      },
      rollups: {
        replaceRollups: async rollups => {
          replaced.push(rollups);
        },
      },
      readScope: async () => ({
        groups: [{ ref: 'group:default/platform' }],
        systemDomains: new Map(),
      }),
      rubric: defaultRubric,
      logger: mockServices.logger.mock(),
    });
    await builder.rebuild(new Date('2026-11-23T12:00:00Z'));
    expect(asked.sort()).toEqual([
      '2026-10-24T12:00:00.000Z',
      '2026-11-23T12:00:00.000Z',
    ]);
    const org = replaced[0].find(r => r.scopeRef === 'org')!;
    expect(org.movers.improved).toEqual([{ entityRef, from: 2, to: 3 }]);
  });

  it('shares one rebuild between the requests of the debounce time, after it', async () => {
    jest.useFakeTimers();
    const { builder, replaced } = setUp();
    builder.requestRebuild();
    builder.requestRebuild();
    await jest.advanceTimersByTimeAsync(999);
    expect(replaced).toHaveLength(0);
    builder.requestRebuild();
    await jest.advanceTimersByTimeAsync(1);
    await builder.flush();
    expect(replaced).toHaveLength(1);

    // A later request gets a rebuild of its own.
    builder.requestRebuild();
    await jest.advanceTimersByTimeAsync(1000);
    await builder.flush();
    expect(replaced).toHaveLength(2);
  });

  it('runs a pending rebuild at once when flushed, and nothing when none is', async () => {
    const { builder, replaced } = setUp();
    await builder.flush();
    expect(replaced).toHaveLength(0);
    builder.requestRebuild();
    await builder.flush();
    expect(replaced).toHaveLength(1);
  });
});
