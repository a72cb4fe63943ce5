import { RubricPreview } from '@maturity-for-backstage/backstage-plugin-maturity-common';

function where(scope: string): string {
  if (scope === 'overall') return 'overall';
  if (scope === 'mlops') return 'in MLOps';
  return `in ${scope}`;
}

/**
 * A rubric preview's level changes as sentences, e.g. "37 components drop
 * from 3 to 2 overall", in the preview's order.
 */
export function describeLevelChanges(
  levelChanges: RubricPreview['levelChanges'],
): string[] {
  return levelChanges.map(({ scope, kind, from, to, count }) => {
    const entities = count === 1 ? kind : `${kind}s`;
    const verb = to < from ? 'drop' : 'rise';
    return `${count} ${entities} ${
      count === 1 ? `${verb}s` : verb
    } from ${from} to ${to} ${where(scope)}`;
  });
}
