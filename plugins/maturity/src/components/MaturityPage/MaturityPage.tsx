import {
  Content,
  ContentHeader,
  EmptyState,
  Header,
  Page,
  Progress,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Rollup } from '@internal/plugin-maturity-common';
import Grid from '@material-ui/core/Grid';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { maturityApiRef } from '../../api/MaturityApi';
import { isNotFound } from '../EntityScorecard/useEntityScorecard';
import { ExportCsvButton } from '../ExportCsvButton';
import { LoadErrorPanel } from '../LoadErrorPanel';
import { OrgHierarchyHeatmap } from '../OrgHierarchyHeatmap';
import { RollupOverview } from '../RollupOverview';
import { ScorecardFilterBar } from '../ScorecardFilterBar';
import {
  ScorecardFilters,
  ScorecardSummaryTable,
} from '../ScorecardSummaryTable';

function OrgRollupSection() {
  const maturityApi = useApi(maturityApiRef);
  const {
    loading,
    error,
    value: rollup,
    retry,
  } = useAsyncRetry(async (): Promise<Rollup | undefined> => {
    try {
      return await maturityApi.getOrgRollup();
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }, [maturityApi]);

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
  return (
    <RollupOverview
      rollup={rollup}
      title="Organisation"
      heatmap={<OrgHierarchyHeatmap roots={rollup.children} />}
    />
  );
}

/**
 * The organisation overview: the org-wide rollup, the group hierarchy ×
 * categories heatmap, and every scorecard in a filtered, server-paged table
 * with CSV export. The browser only ever fetches rollups and one page of
 * scorecards, so it stays fast with many thousands of entities.
 */
export function MaturityPage() {
  const [filters, setFilters] = useState<ScorecardFilters>({});
  return (
    <Page themeId="tool">
      <Header
        title="Maturity"
        subtitle="Engineering maturity across the organisation"
      />
      <Content>
        <OrgRollupSection />
        <ContentHeader title="Scorecards">
          <ExportCsvButton filters={filters} />
        </ContentHeader>
        <Grid container spacing={2}>
          <Grid item xs={12}>
            <ScorecardFilterBar onChange={setFilters} />
          </Grid>
          <Grid item xs={12}>
            <ScorecardSummaryTable
              title="Scorecards"
              filters={filters}
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
      </Content>
    </Page>
  );
}
