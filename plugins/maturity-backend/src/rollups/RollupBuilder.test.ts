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
