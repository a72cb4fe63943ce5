import { stringifyEntityRef } from '@backstage/catalog-model';
import { EmptyState, Progress } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  canonicalEntityKind,
  Rollup,
  RollupChildKind,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import MuiLink from '@material-ui/core/Link';
import { useMemo } from 'react';
import { memberFilters, rowMemberFilters } from '../../scorecard/memberFilters';
import { useScorecardListLink } from '../../scorecard/useScorecardListLink';
import { LoadErrorPanel } from '../LoadErrorPanel';
import { RollupHeatmap } from '../RollupHeatmap';
import { RollupOverview } from '../RollupOverview';
import { ScorecardSummaryTable } from '../ScorecardSummaryTable';
import { TeamCampaigns } from '../TeamCampaigns';
import { useRollup } from './useRollup';

export { memberFilters };

const SCOPE_NOUNS: Record<string, string> = {
  group: 'group and its sub-groups',
  system: 'system',
  domain: 'domain',
};

/** Id of the member table, the target of the heatmap's "all entities" link. */
const MEMBERS_ID = 'maturity-rollup-members';

/**
 * What the rollup's heatmap rows are. Rollups stored before `childKind`
 * existed hold sub-scopes only: a domain's systems, a group's sub-groups.
 */
function childKindOf(rollup: Rollup, kind: string): RollupChildKind {
  return rollup.childKind ?? (kind === 'domain' ? 'system' : 'group');
}

/** The heatmap of a rollup's children, or nothing for an old system rollup. */
function RollupChildrenHeatmap(props: { rollup: Rollup; kind: string }) {
  const { rollup, kind } = props;
  const listLink = useScorecardListLink();
  const childKind = childKindOf(rollup, kind);
  const cellLink = listLink
    ? (row: { scopeRef: string }) => {
        const filters = rowMemberFilters(row.scopeRef);
        return filters && listLink(filters);
      }
    : undefined;

  if (childKind === 'entity') {
    const shown = rollup.children.length;
    return (
      <RollupHeatmap
        title="Entities by category (level)"
        scopeTitle="Entity"
        valueLabel="Level"
        rows={rollup.children}
        emptyMessage={`This ${kind} has no scored entities of its own.`}
        footnote={
          shown < rollup.entityCount && (
            <>
              The {shown} lowest of {rollup.entityCount} entities by overall
              level.{' '}
              <MuiLink href={`#${MEMBERS_ID}`} underline="always">
                All {rollup.entityCount} are in the table below
              </MuiLink>
              .
            </>
          )
        }
      />
    );
  }
  if (childKind === 'system') {
    return (
      <RollupHeatmap
        title="Systems by category (median level)"
        scopeTitle="System"
        rows={rollup.children}
        cellLink={cellLink}
        emptyMessage="This domain has no systems with scored entities."
      />
    );
  }
  return (
    <RollupHeatmap
      title="Sub-groups by category (median level)"
      scopeTitle="Group"
      rows={rollup.children}
      cellLink={cellLink}
      emptyMessage="This group has no sub-groups."
    />
  );
}

/**
 * The Maturity tab of a Group, System or Domain: the rollup of every entity
 * it covers (a group's includes its sub-groups'), a heatmap of its
 * sub-groups or systems (of its own entities for a system or a team without
 * sub-groups), the checks failing most, movers, a group's campaigns, and a
 * paged table of the member entities.
 */
export function EntityMaturityRollupContent() {
  const { entity } = useEntity();
  const scopeRef = stringifyEntityRef(entity);
  const kind = canonicalEntityKind(entity.kind);
  const noun = SCOPE_NOUNS[kind] ?? SCOPE_NOUNS.group;
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
        description={`No component of this ${noun} has a scorecard yet. Entities show up here once they belong to it in the catalog and have been evaluated.`}
      />
    );
  }

  return (
    <RollupOverview
      rollup={rollup}
      scopeFilters={filters}
      heatmap={
        // A system's rollup from before entity rows has no rows to show.
        (kind !== 'system' || childKindOf(rollup, kind) === 'entity') && (
          <RollupChildrenHeatmap rollup={rollup} kind={kind} />
        )
      }
    >
      {kind === 'group' && <TeamCampaigns groupRef={scopeRef} />}
      <div id={MEMBERS_ID}>
        <ScorecardSummaryTable
          title={`Entities (${rollup.entityCount})`}
          filters={filters}
          showMlopsLevel={rollup.mlops !== undefined}
        />
      </div>
    </RollupOverview>
  );
}
