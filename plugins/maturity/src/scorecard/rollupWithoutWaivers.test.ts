import { Rollup } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import {
  childrenWithoutWaivers,
  rollupWithoutWaivers,
} from './rollupWithoutWaivers';

const medians = (level: number) => ({
  culture: level,
  design: level,
  'build-deploy': level,
  test: level,
  information: level,
});
const summary = (median: number) => {
  const distribution: Rollup['overall']['distribution'] = [0, 0, 0, 0, 0, 0];
  distribution[median] = 1;
  return { distribution, median };
};

const rollup: Rollup = {
  scopeRef: 'org',
  scopeKind: 'org',
  entityCount: 2,
  computedAt: '2026-11-23T10:00:00.000Z',
  overall: summary(4),
  categories: {
    culture: summary(4),
    design: summary(4),
    'build-deploy': summary(4),
    test: summary(4),
    information: summary(4),
  },
  deliveryBands: { elite: 0, high: 0, medium: 0, low: 0, none: 0, unknown: 2 },
  mostFailedChecks: [],
  movers: { improved: [], dropped: [] },
  childKind: 'group',
  children: [
    {
      scopeRef: 'group:default/payments',
      entityCount: 1,
      overallMedian: 4,
      categoryMedians: medians(4),
    },
    {
      scopeRef: 'group:default/search',
      entityCount: 1,
      overallMedian: 3,
      categoryMedians: medians(3),
    },
  ],
  withoutWaivers: {
    overall: summary(1),
    categories: {
      culture: summary(1),
      design: summary(4),
      'build-deploy': summary(1),
      test: summary(4),
      information: summary(4),
    },
    children: [
      {
        scopeRef: 'group:default/payments',
        overallMedian: 1,
        categoryMedians: medians(1),
      },
    ],
  },
};

describe('rollupWithoutWaivers', () => {
  it('puts the levels without waivers in place of the levels', () => {
    const without = rollupWithoutWaivers(rollup);
    expect(without.overall).toEqual(summary(1));
    expect(without.categories.culture.median).toBe(1);
    expect(without.categories.design.median).toBe(4);
    expect(without.entityCount).toBe(2);
    expect(without.children).toEqual([
      {
        scopeRef: 'group:default/payments',
        entityCount: 1,
        overallMedian: 1,
        categoryMedians: medians(1),
      },
      // No row without waivers: its medians as they are.
      rollup.children[1],
    ]);
  });

  it('leaves a rollup computed before levels without waivers as it is', () => {
    const { withoutWaivers, ...older } = rollup;
    expect(rollupWithoutWaivers(older)).toBe(older);
    expect(childrenWithoutWaivers(older)).toEqual(older.children);
  });
});
