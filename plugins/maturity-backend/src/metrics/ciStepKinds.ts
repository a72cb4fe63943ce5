import { BuildRecord } from '../database/MetricsWindowReader';

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
