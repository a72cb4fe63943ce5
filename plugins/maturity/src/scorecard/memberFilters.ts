import { parseEntityRef } from '@backstage/catalog-model';
import { canonicalEntityKind } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import type { ScorecardFilters } from '../components/ScorecardSummaryTable';

/**
 * The scorecards a rollup covers, as filters of the scorecard list: a
 * system's or domain's entities, a group's own and its sub-groups'.
 */
export function memberFilters(
  kind: string,
  scopeRef: string,
): ScorecardFilters {
  switch (canonicalEntityKind(kind)) {
    case 'system':
      return { system: scopeRef };
    case 'domain':
      return { domain: scopeRef };
    default:
      return { owner: [scopeRef], includeSubgroups: true };
  }
}

const SCOPE_KINDS = new Set(['group', 'system', 'domain']);

/**
 * {@link memberFilters} of a heatmap row's scope; undefined for a row that
 * is an entity of its own, not a scope.
 */
export function rowMemberFilters(
  scopeRef: string,
): ScorecardFilters | undefined {
  const kind = canonicalEntityKind(parseEntityRef(scopeRef).kind);
  return SCOPE_KINDS.has(kind) ? memberFilters(kind, scopeRef) : undefined;
}
