import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  EntityActivitySummary,
  MaturityEventType,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { RelativeTime } from '../RelativeTime';

const STATS: Array<{ type: MaturityEventType; label: string; hint: string }> = [
  { type: 'deployment', label: 'Deployments', hint: 'to any environment' },
  { type: 'build', label: 'Builds', hint: 'CI pipeline runs' },
  { type: 'change', label: 'Changes', hint: 'pull requests and commits' },
  { type: 'incident', label: 'Incidents', hint: 'from the on-call tool' },
  { type: 'repo_fact', label: 'Repo facts', hint: 'repository observations' },
];

const useStyles = makeStyles(theme => ({
  card: {
    height: '100%',
  },
  count: {
    fontWeight: theme.typography.fontWeightBold as number,
    lineHeight: 1.2,
  },
}));

/** Props of {@link ActivityCounts}. */
export interface ActivityCountsProps {
  summary: EntityActivitySummary;
}

/**
 * One small card per event type: how many were recorded in the window, and
 * when the latest one happened.
 */
export function ActivityCounts(props: ActivityCountsProps) {
  const { summary } = props;
  const classes = useStyles();
  return (
    <Grid container spacing={2}>
      {STATS.map(({ type, label, hint }) => (
        <Grid item key={type} xs={6} sm={4} md>
          <Card
            component="section"
            aria-label={label}
            variant="outlined"
            className={classes.card}
          >
            <CardContent>
              <Typography variant="h4" component="p" className={classes.count}>
                {summary.counts[type] ?? 0}
              </Typography>
              <Typography variant="subtitle1" component="h3">
                {label}
              </Typography>
              <Typography variant="body2" color="textSecondary">
                {hint}
              </Typography>
              <Typography
                variant="caption"
                color="textSecondary"
                display="block"
              >
                {summary.latest[type] ? (
                  <>
                    latest <RelativeTime time={summary.latest[type]} />
                  </>
                ) : (
                  'none in this window'
                )}
              </Typography>
            </CardContent>
          </Card>
        </Grid>
      ))}
    </Grid>
  );
}
