import { EmptyState, Progress } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { ActivityCounts } from '../ActivityCounts';
import { BuildsTable } from '../BuildsTable';
import { ChangesTable } from '../ChangesTable';
import { DeploymentsTable } from '../DeploymentsTable';
import { IncidentsTable } from '../IncidentsTable';
import { LoadErrorPanel } from '../LoadErrorPanel';
import { RepoFactsList } from '../RepoFactsList';
import {
  ACTIVITY_WINDOW_DAYS,
  EntityActivityData,
  useEntityActivity,
} from './useEntityActivity';

/**
 * Props of {@link EntityActivity}.
 *
 * @public
 */
export interface EntityActivityProps {
  /** Full reference of the entity, e.g. `component:default/checkout-api`. */
  entityRef: string;
}

/** "Latest 10 of 42" when the list is cut, "All 3" when it is not. */
function shownOf(shown: number, total: number): string | undefined {
  if (shown === 0) {
    return undefined;
  }
  return shown < total ? `Latest ${shown} of ${total}` : `All ${shown}`;
}

function formatDay(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleDateString('en', { dateStyle: 'medium' });
}

function hasActivity(data: EntityActivityData): boolean {
  const counted = Object.values(data.summary.counts).some(count => count > 0);
  return (
    counted ||
    data.deployments.length > 0 ||
    data.builds.length > 0 ||
    data.changes.length > 0 ||
    data.incidents.length > 0 ||
    data.repoFacts.length > 0
  );
}

function NoActivity(props: { entityRef: string }) {
  return (
    <EmptyState
      missing="data"
      title="No activity recorded yet"
      description={
        <>
          Nothing has been recorded for <code>{props.entityRef}</code> in the
          last {ACTIVITY_WINDOW_DAYS} days. Activity arrives from the Maturity
          collectors for the tools named in the entity's annotations, and from
          any other CI/CD or incident tool that posts events to{' '}
          <code>POST /api/maturity/v1/events</code>.
        </>
      }
    />
  );
}

/**
 * What an entity's CI, source control and incident tools recorded over the
 * last 90 days: counts per event type, then the most recent deployments,
 * builds, changes and incidents, and the observed repository facts. The
 * evidence behind every maturity score.
 *
 * @public
 */
export function EntityActivity(props: EntityActivityProps) {
  const { entityRef } = props;
  const { loading, error, value, retry } = useEntityActivity(entityRef);

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return (
      <LoadErrorPanel
        title="Could not load the recorded activity"
        error={error}
        onRetry={retry}
      />
    );
  }
  if (!value || !hasActivity(value)) {
    return <NoActivity entityRef={entityRef} />;
  }

  const { summary, deployments, builds, changes, incidents, repoFacts } = value;
  const { counts } = summary;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <Typography variant="h5" component="h2">
          Recorded activity
        </Typography>
        <Typography variant="body2" color="textSecondary">
          Last {ACTIVITY_WINDOW_DAYS} days ({formatDay(summary.from)} –{' '}
          {formatDay(summary.to)}), as reported by the entity's tools.
        </Typography>
      </Grid>
      <Grid item xs={12}>
        <ActivityCounts summary={summary} />
      </Grid>
      <Grid item xs={12} xl={6}>
        <DeploymentsTable
          deployments={deployments}
          subtitle={shownOf(deployments.length, counts.deployment)}
        />
      </Grid>
      <Grid item xs={12} xl={6}>
        <BuildsTable
          builds={builds}
          subtitle={shownOf(builds.length, counts.build)}
        />
      </Grid>
      <Grid item xs={12} xl={6}>
        <ChangesTable
          changes={changes}
          subtitle={shownOf(changes.length, counts.change)}
        />
      </Grid>
      <Grid item xs={12} xl={6}>
        <IncidentsTable
          incidents={incidents}
          subtitle={shownOf(incidents.length, counts.incident)}
        />
      </Grid>
      <Grid item xs={12}>
        <RepoFactsList
          facts={repoFacts}
          subtitle={shownOf(repoFacts.length, counts.repo_fact)}
        />
      </Grid>
    </Grid>
  );
}
