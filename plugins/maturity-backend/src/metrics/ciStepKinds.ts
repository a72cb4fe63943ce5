import { BuildRecord } from '../database/MetricsWindowReader';
import { groupByEntity } from './groupByEntity';

/**
 * The distinct step kinds of an entity's runs in the window, sorted: what
 * the rubric's CI-step facts are derived from.
 *
 * @internal
 */
export function ciStepKindsOf(builds: BuildRecord[]): string[] {
  const kinds = new Set<string>();
  let last: readonly string[] | undefined;
  for (let i = 0; i < builds.length; i++) {
    const steps = builds[i].steps;
    // Runs of a pipeline share one parsed step list: skip repeats cheaply.
    if (steps === last) continue;
    last = steps;
    for (let j = 0; j < steps.length; j++) kinds.add(steps[j]);
  }
  return [...kinds].sort();
}

/**
 * Each entity's distinct CI step kinds (see ciStepKindsOf) from a batch's
 * runs; entities without runs are absent.
 *
 * @internal
 */
export function ciStepKindsByEntity(
  builds: BuildRecord[],
): Map<string, string[]> {
  return new Map(
    [...groupByEntity(builds)].map(([ref, list]) => [ref, ciStepKindsOf(list)]),
  );
}
