import {
  Content,
  ContentHeader,
  EmptyState,
  Header,
  HeaderTabs,
  Page,
  Progress,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  maturityRubricPreviewPermission,
  Rollup,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import Grid from '@material-ui/core/Grid';
import { useCallback, useEffect, useMemo } from 'react';
import { useLocation, useSearchParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { maturityApiRef } from '../../api/MaturityApi';
import {
  filtersFromSearchParams,
  searchParamsOfFilters,
} from '../../scorecard/scorecardFilterParams';
import { rollupWithoutWaivers } from '../../scorecard/rollupWithoutWaivers';
import { SCORECARD_LIST_ID } from '../../scorecard/useScorecardListLink';
import { isNotFound } from '../EntityScorecard/useEntityScorecard';
import { CampaignsPanel, CAMPAIGNS_VIEW } from '../CampaignsPanel';
import { ExportCsvButton } from '../ExportCsvButton';
import { LoadErrorPanel } from '../LoadErrorPanel';
import { OrgHierarchyHeatmap } from '../OrgHierarchyHeatmap';
import { RollupOverview } from '../RollupOverview';
import { RubricPreviewPanel } from '../RubricPreviewPanel';
import { ScorecardFilterBar } from '../ScorecardFilterBar';
import {
  ScorecardFilters,
  ScorecardSummaryTable,
} from '../ScorecardSummaryTable';

/** The org rollup; `undefined` (no error) until the backend computed one. */
function useOrgRollup() {
  const maturityApi = useApi(maturityApiRef);
  return useAsyncRetry(async (): Promise<Rollup | undefined> => {
    try {
      return await maturityApi.getOrgRollup();
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }, [maturityApi]);
}

function OrgRollupSection(props: {
  state: ReturnType<typeof useOrgRollup>;
  /** Show the levels as they would be without waivers. */
  withoutWaivers: boolean;
}) {
  const { withoutWaivers } = props;
  const { loading, error, value: rollup, retry } = props.state;
  if (loading && !rollup) {
    return <Progress />;
  }
  if (error) {
    return (
      <LoadErrorPanel
        title="Could not load the organisation rollup"
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
        description="The organisation rollup has not been computed yet. Rollups are computed on the server after entities are evaluated, which happens on a schedule shortly after they appear in the catalog."
      />
    );
  }
  const shown = withoutWaivers ? rollupWithoutWaivers(rollup) : rollup;
  return (
    <RollupOverview
      rollup={shown}
      title={
        withoutWaivers
          ? 'Organisation (levels without waivers)'
          : 'Organisation'
      }
      // Its level counts then list by the levels without waivers too.
      scopeFilters={withoutWaivers ? { levels: 'withoutWaivers' } : {}}
      heatmap={
        <OrgHierarchyHeatmap
          roots={shown.children}
          withoutWaivers={withoutWaivers}
        />
      }
    />
  );
}

/**
 * The filters of the scorecard list, kept in the page's query string
 * (`?owner=…&failingCheck=…`) so drill-down links, reloads and shared links
 * open the same list. A link to `#maturity-scorecards` scrolls to it.
 */
function useFiltersInUrl() {
  const [searchParams, setSearchParams] = useSearchParams();
  const search = searchParams.toString();
  const filters = useMemo(
    () => filtersFromSearchParams(new URLSearchParams(search)),
    [search],
  );
  const setFilters = useCallback(
    (next: ScorecardFilters) =>
      setSearchParams(searchParamsOfFilters(next), { replace: true }),
    [setSearchParams],
  );
  const { hash, key } = useLocation();
  useEffect(() => {
    if (hash === `#${SCORECARD_LIST_ID}`) {
      document.getElementById(SCORECARD_LIST_ID)?.scrollIntoView?.();
    }
  }, [hash, key]);
  return [filters, setFilters] as const;
}

/** The query parameter of the page's tab, and its values. */
const VIEW_PARAM = 'view';
const RUBRIC_PREVIEW_VIEW = 'rubric-preview';

type View = 'overview' | typeof CAMPAIGNS_VIEW | typeof RUBRIC_PREVIEW_VIEW;

/**
 * The page's tab, kept in its query string: the overview, the campaigns,
 * and the rubric preview for holders of `maturity.rubric.preview` only.
 */
function useView() {
  const { allowed } = usePermission({
    permission: maturityRubricPreviewPermission,
  });
  const [searchParams, setSearchParams] = useSearchParams();
  const views: Array<{ id: View; label: string }> = [
    { id: 'overview', label: 'Overview' },
    { id: CAMPAIGNS_VIEW, label: 'Campaigns' },
    ...(allowed
      ? [{ id: RUBRIC_PREVIEW_VIEW as View, label: 'Rubric preview' }]
      : []),
  ];
  const asked = searchParams.get(VIEW_PARAM);
  const index = Math.max(
    0,
    views.findIndex(v => v.id === asked),
  );
  const view = views[index].id;
  const tabs = (
    <HeaderTabs
      tabs={views}
      selectedIndex={index}
      onChange={next =>
        setSearchParams(
          views[next].id === 'overview' ? {} : { [VIEW_PARAM]: views[next].id },
        )
      }
    />
  );
  return { view, tabs };
}

/**
 * The organisation overview: the org-wide rollup, the group hierarchy ×
 * categories heatmap, and every scorecard in a filtered, server-paged table
 * with CSV export; the campaigns and the rubric preview in tabs of their own. The browser only ever fetches rollups and one page of
 * scorecards, so it stays fast with many thousands of entities. The
 * rollup's counts drill down into the table by setting its filters.
 */
export function MaturityPage() {
  const { view, tabs } = useView();
  return (
    <Page themeId="tool">
      <Header
        title="Maturity"
        subtitle="Engineering maturity across the organisation"
      />
      {tabs}
      <Content>
        {view === RUBRIC_PREVIEW_VIEW && <RubricPreviewPanel />}
        {view === CAMPAIGNS_VIEW && <CampaignsPanel />}
        {view === 'overview' && <Overview />}
      </Content>
    </Page>
  );
}

/** The org rollup and the scorecard list. */
function Overview() {
  const [filters, setFilters] = useFiltersInUrl();
  const orgRollup = useOrgRollup();
  return (
    <>
      <OrgRollupSection
        state={orgRollup}
        withoutWaivers={filters.levels === 'withoutWaivers'}
      />
      <div id={SCORECARD_LIST_ID}>
        <ContentHeader title="Scorecards">
          <ExportCsvButton filters={filters} />
        </ContentHeader>
      </div>
      <Grid container spacing={2}>
        <Grid item xs={12}>
          <ScorecardFilterBar
            filters={filters}
            onChange={setFilters}
            kinds={orgRollup.value?.kinds}
            mlops={orgRollup.value?.mlops !== undefined}
          />
        </Grid>
        <Grid item xs={12}>
          <ScorecardSummaryTable
            title="Scorecards"
            filters={filters}
            showMlopsLevel={
              orgRollup.value?.mlops !== undefined ||
              filters.minMlopsLevel !== undefined ||
              filters.maxMlopsLevel !== undefined
            }
            emptyContent={
              <EmptyState
                missing="data"
                title="No scorecards match"
                description="Widen the filters, or clear them to see every evaluated entity."
              />
            }
          />
        </Grid>
      </Grid>
    </>
  );
}
