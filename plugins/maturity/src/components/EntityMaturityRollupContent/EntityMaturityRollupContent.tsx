import { stringifyEntityRef } from '@backstage/catalog-model';
import { EmptyState, Progress } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { useMemo } from 'react';
import { LoadErrorPanel } from '../LoadErrorPanel';
import { RollupHeatmap } from '../RollupHeatmap';
import { RollupOverview } from '../RollupOverview';
import {
  ScorecardFilters,
  ScorecardSummaryTable,
} from '../ScorecardSummaryTable';
import { useRollup } from './useRollup';

/** The scorecards a rollup covers, as filters of the scorecard list. */
export function memberFilters(
  kind: string,
  scopeRef: string,
): ScorecardFilters {
  switch (kind.toLocaleLowerCase('en-US')) {
    case 'system':
      return { system: scopeRef };
    case 'domain':
      return { domain: scopeRef };
    default:
      return { owner: [scopeRef], includeSubgroups: true };
  }
}

const SCOPE_WORDS: Record<string, { noun: string; children: string }> = {
  group: { noun: 'group and its sub-groups', children: 'Sub-groups' },
  system: { noun: 'system', children: 'Sub-scopes' },
  domain: { noun: 'domain', children: 'Systems' },
};

/**
 * The Maturity tab of a Group, System or Domain: the rollup of every entity
 * it covers (a group's includes its sub-groups'), a heatmap of its
 * sub-groups or systems, the checks failing most, movers, and a paged table
 * of the member entities.
 */
export function EntityMaturityRollupContent() {
  const { entity } = useEntity();
  const scopeRef = stringifyEntityRef(entity);
  const kind = entity.kind.toLocaleLowerCase('en-US');
  const words = SCOPE_WORDS[kind] ?? SCOPE_WORDS.group;
  const { loading, error, value: rollup, retry } = useRollup(scopeRef);
  const filters = useMemo(
    () => memberFilters(kind, scopeRef),
    [kind, scopeRef],
  );

  if (loading && !rollup) {
    return <Progress />;
  }
  if (error) {
    return (
      <LoadErrorPanel
        title="Could not load the rollup"
        error={error}
        onRetry={retry}
      />
    );
  }
  if (!rollup) {
    return (
      <EmptyState
        missing="data"
        title="Not computed yet"
        description={
          <>
            The maturity rollup of <code>{scopeRef}</code> has not been computed
            yet. Rollups are computed on the server after its entities are
            evaluated, which happens on a schedule shortly after they appear in
            the catalog. Check back in a few minutes.
          </>
        }
      />
    );
  }
  if (rollup.entityCount === 0) {
    return (
      <EmptyState
        missing="content"
        title="No scored entities"
        description={`No component of this ${words.noun} has a scorecard yet. Entities show up here once they belong to it in the catalog and have been evaluated.`}
      />
    );
  }

  const heatmap = (rollup.children.length > 0 || kind !== 'system') && (
    <RollupHeatmap
      title={`${words.children} by category (median level)`}
      scopeTitle={kind === 'domain' ? 'System' : 'Group'}
      rows={rollup.children}
      emptyMessage={
        kind === 'domain'
          ? 'This domain has no systems with scored entities.'
          : 'This group has no sub-groups.'
      }
    />
  );
  return (
    <RollupOverview rollup={rollup} heatmap={heatmap}>
      <ScorecardSummaryTable
        title={`Entities (${rollup.entityCount})`}
        filters={filters}
      />
    </RollupOverview>
  );
}
