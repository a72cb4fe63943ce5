import { Rollup } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import Grid from '@material-ui/core/Grid';
import { ReactNode } from 'react';
import { useScorecardListLink } from '../../scorecard/useScorecardListLink';
import { LevelDistributionChart } from '../LevelDistributionChart';
import { MostFailedChecks } from '../MostFailedChecks';
import { RollupMlopsLevels } from '../RollupMlopsLevels';
import { RollupMovers } from '../RollupMovers';
import { RollupSummary } from '../RollupSummary';
import { ScorecardFilters } from '../ScorecardSummaryTable';

/** Props of {@link RollupOverview}. */
export interface RollupOverviewProps {
  rollup: Rollup;
  /** Title of the summary card; `Summary` when absent. */
  title?: string;
  /**
   * The scorecard list filters of the rollup's entities, `{}` for the org.
   * Its counts link to the org page's list with these and the count's own
   * filter (a level, a band, a failing check).
   */
  scopeFilters?: ScorecardFilters;
  /** The heatmap of the rollup's children, full width under the summary. */
  heatmap?: ReactNode;
  /** Full width after the overview, e.g. the table of member entities. */
  children?: ReactNode;
}

/**
 * The overview of a rollup, the organisation's or a group's, system's or
 * domain's: its summary and level distribution side by side, the heatmap of
 * its children, the MLOps levels of its ML entities if it has any, then
 * the checks failing most next to the movers. Counts
 * drill down to the matching entities in the org page's list, when the app
 * mounts that page.
 */
export function RollupOverview(props: RollupOverviewProps) {
  const { rollup, title, scopeFilters = {}, heatmap, children } = props;
  const listLink = useScorecardListLink();
  const link = (filters: ScorecardFilters) =>
    listLink?.({ ...scopeFilters, ...filters }) ?? '';
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} lg={6}>
        <RollupSummary
          rollup={rollup}
          title={title}
          bandLink={
            listLink ? deliveryBand => link({ deliveryBand }) : undefined
          }
        />
      </Grid>
      <Grid item xs={12} lg={6}>
        <LevelDistributionChart
          distribution={rollup.overall.distribution}
          title="Overall level distribution"
          levelLink={
            listLink
              ? level => link({ minLevel: level, maxLevel: level })
              : undefined
          }
        />
      </Grid>
      {heatmap && (
        <Grid item xs={12}>
          {heatmap}
        </Grid>
      )}
      {rollup.mlops && (
        <Grid item xs={12}>
          <RollupMlopsLevels
            mlops={rollup.mlops}
            levelLink={
              listLink
                ? level => link({ minMlopsLevel: level, maxMlopsLevel: level })
                : undefined
            }
            checkLink={
              listLink ? failingCheck => link({ failingCheck }) : undefined
            }
          />
        </Grid>
      )}
      <Grid item xs={12} lg={7}>
        <MostFailedChecks
          checks={rollup.mostFailedChecks}
          checkLink={
            listLink ? failingCheck => link({ failingCheck }) : undefined
          }
          waivedLink={
            listLink ? waivedCheck => link({ waivedCheck }) : undefined
          }
        />
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
