import { Rollup } from '@internal/plugin-maturity-common';
import Grid from '@material-ui/core/Grid';
import { ReactNode } from 'react';
import { LevelDistributionChart } from '../LevelDistributionChart';
import { MostFailedChecks } from '../MostFailedChecks';
import { RollupMovers } from '../RollupMovers';
import { RollupSummary } from '../RollupSummary';

/** Props of {@link RollupOverview}. */
export interface RollupOverviewProps {
  rollup: Rollup;
  /** Title of the summary card; `Summary` when absent. */
  title?: string;
  /** The heatmap of the rollup's children, full width under the summary. */
  heatmap?: ReactNode;
  /** Full width after the overview, e.g. the table of member entities. */
  children?: ReactNode;
}

/**
 * The overview of a rollup, the organisation's or a group's, system's or
 * domain's: its summary and level distribution side by side, the heatmap of
 * its children, then the checks failing most next to the movers.
 */
export function RollupOverview(props: RollupOverviewProps) {
  const { rollup, title, heatmap, children } = props;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} lg={6}>
        <RollupSummary rollup={rollup} title={title} />
      </Grid>
      <Grid item xs={12} lg={6}>
        <LevelDistributionChart
          distribution={rollup.overall.distribution}
          title="Overall level distribution"
        />
      </Grid>
      {heatmap && (
        <Grid item xs={12}>
          {heatmap}
        </Grid>
      )}
      <Grid item xs={12} lg={7}>
        <MostFailedChecks checks={rollup.mostFailedChecks} />
      </Grid>
      <Grid item xs={12} lg={5}>
        <RollupMovers movers={rollup.movers} />
      </Grid>
      {children && (
        <Grid item xs={12}>
          {children}
        </Grid>
      )}
    </Grid>
  );
}
