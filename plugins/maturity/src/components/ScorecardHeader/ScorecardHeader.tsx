import { DoraBand, Scorecard } from '@internal/plugin-maturity-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Paper from '@material-ui/core/Paper';
import { makeStyles } from '@material-ui/core/styles';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import Refresh from '@material-ui/icons/Refresh';
import WarningOutlined from '@material-ui/icons/ReportProblemOutlined';
import { levelLabel } from '../../scorecard/categoryTitles';
import { statusColor } from '../../scorecard/statusColor';
import { RelativeTime } from '../RelativeTime';

const BAND_NAMES: Record<DoraBand, string> = {
  elite: 'Elite',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

/** `Elite`, or `Unknown` when a banded metric lacks data. */
export function bandLabel(band: string | null | undefined): string {
  return band ? BAND_NAMES[band as DoraBand] ?? band : 'Unknown';
}

const useStyles = makeStyles(theme => ({
  root: {
    padding: theme.spacing(2, 3),
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(4),
  },
  figure: { display: 'flex', flexDirection: 'column' },
  value: { fontWeight: theme.typography.fontWeightBold as number },
  spacer: { flexGrow: 1 },
  imbalance: {
    borderColor: statusColor(theme, 'warning'),
    color: theme.palette.text.primary,
  },
  imbalanceIcon: { color: `${statusColor(theme, 'warning')} !important` },
}));

/** Props of {@link ScorecardHeader}. */
export interface ScorecardHeaderProps {
  scorecard: Scorecard;
  /** Shows the Refresh button when given. */
  onRefresh?: () => void;
  refreshing?: boolean;
}

/**
 * The headline of a scorecard: overall practice level, delivery performance
 * band, imbalance, when and with which rubric it was evaluated.
 */
export function ScorecardHeader(props: ScorecardHeaderProps) {
  const { scorecard, onRefresh, refreshing } = props;
  const classes = useStyles();
  return (
    <Paper className={classes.root} component="section" aria-label="Summary">
      <div className={classes.figure}>
        <Typography variant="overline" color="textSecondary">
          Practice level
        </Typography>
        <Typography variant="h4" component="p" className={classes.value}>
          {levelLabel(scorecard.overallLevel)}
        </Typography>
      </div>
      <div className={classes.figure}>
        <Typography variant="overline" color="textSecondary">
          Delivery performance
        </Typography>
        <Typography variant="h4" component="p" className={classes.value}>
          {bandLabel(scorecard.delivery.overallBand)}
        </Typography>
      </div>
      {scorecard.imbalanced && (
        <Tooltip title="The highest and lowest category levels are two or more apart">
          <Chip
            variant="outlined"
            icon={<WarningOutlined />}
            label="Imbalanced"
            classes={{ root: classes.imbalance, icon: classes.imbalanceIcon }}
          />
        </Tooltip>
      )}
      <div className={classes.figure}>
        <Typography variant="overline" color="textSecondary">
          Evaluated
        </Typography>
        <Typography>
          <RelativeTime time={scorecard.evaluatedAt} />
        </Typography>
      </div>
      <div className={classes.figure}>
        <Typography variant="overline" color="textSecondary">
          Rubric
        </Typography>
        <Typography>
          <code>{scorecard.rubricVersion}</code>
        </Typography>
      </div>
      <Box className={classes.spacer} />
      {onRefresh && (
        <Button
          variant="outlined"
          color="primary"
          startIcon={<Refresh />}
          onClick={onRefresh}
          disabled={refreshing}
        >
          {refreshing ? 'Refreshing…' : 'Refresh'}
        </Button>
      )}
    </Paper>
  );
}
