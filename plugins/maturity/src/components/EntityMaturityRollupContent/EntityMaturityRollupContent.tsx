import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import { useMemo } from 'react';
import { LevelDistributionChart } from '../LevelDistributionChart';
import { MostFailedChecks } from '../MostFailedChecks';
import { RollupHeatmap } from '../RollupHeatmap';
import { RollupMovers } from '../RollupMovers';
import { RollupSummary } from '../RollupSummary';
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
      <Grid container spacing={2} direction="column">
        <Grid item>
          <ResponseErrorPanel title="Could not load the rollup" error={error} />
        </Grid>
        <Grid item>
          <Button variant="outlined" onClick={retry}>
            Try again
          </Button>
        </Grid>
      </Grid>
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

  return (
    <Grid container spacing={3}>
      <Grid item xs={12} lg={6}>
        <RollupSummary rollup={rollup} />
      </Grid>
      <Grid item xs={12} lg={6}>
        <LevelDistributionChart
          distribution={rollup.overall.distribution}
          title="Overall level distribution"
        />
      </Grid>
      {(rollup.children.length > 0 || kind !== 'system') && (
        <Grid item xs={12}>
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
        </Grid>
      )}
      <Grid item xs={12} lg={7}>
        <MostFailedChecks checks={rollup.mostFailedChecks} />
      </Grid>
      <Grid item xs={12} lg={5}>
        <RollupMovers movers={rollup.movers} />
      </Grid>
      <Grid item xs={12}>
        <ScorecardSummaryTable
          title={`Entities (${rollup.entityCount})`}
          filters={filters}
        />
      </Grid>
    </Grid>
  );
}
