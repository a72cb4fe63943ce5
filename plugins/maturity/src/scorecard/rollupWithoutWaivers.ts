import { Rollup } from '@maturity-for-backstage/backstage-plugin-maturity-common';

/**
 * A rollup's heatmap rows with their medians without waivers; a row the
 * rollup has none for (computed before they were kept) keeps its medians.
 */
export function childrenWithoutWaivers(rollup: Rollup): Rollup['children'] {
  const without = new Map(
    (rollup.withoutWaivers?.children ?? []).map(row => [row.scopeRef, row]),
  );
  return rollup.children.map(child => {
    const row = without.get(child.scopeRef);
    return row
      ? {
          ...child,
          overallMedian: row.overallMedian,
          categoryMedians: row.categoryMedians,
        }
      : child;
  });
}

/**
 * The rollup as it would be if exempt checks counted with the state their
 * data gave: its level distribution, medians and heatmap rows without
 * waivers, everything else as it is. A rollup computed before levels
 * without waivers were kept comes back unchanged.
 */
export function rollupWithoutWaivers(rollup: Rollup): Rollup {
  const without = rollup.withoutWaivers;
  if (!without) return rollup;
  return {
    ...rollup,
    overall: without.overall,
    categories: without.categories,
    children: childrenWithoutWaivers(rollup),
  };
}
