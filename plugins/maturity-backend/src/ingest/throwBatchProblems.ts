import { InputError } from '@backstage/errors';

/**
 * Problems one rejection lists: enough to fix a batch without flooding the
 * response. Validation stops collecting once it has more.
 * @internal
 */
export const MAX_REPORTED_PROBLEMS = 20;

/**
 * Rejects a batch with one message listing its problems, each naming
 * `events[i].field`. Does nothing when there are none.
 * @internal
 */
export function throwBatchProblems(problems: string[]): void {
  if (problems.length === 0) {
    return;
  }
  const listed = problems.slice(0, MAX_REPORTED_PROBLEMS);
  if (problems.length > MAX_REPORTED_PROBLEMS) {
    listed.push('and more');
  }
  throw new InputError(`Invalid event batch: ${listed.join('; ')}`);
}
