import { Scorecard } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Paper from '@material-ui/core/Paper';
import { makeStyles } from '@material-ui/core/styles';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import Refresh from '@material-ui/icons/Refresh';
import WarningOutlined from '@material-ui/icons/ReportProblemOutlined';
import { useState } from 'react';
import { bandLabel } from '../../scorecard/bandLabels';
import { levelLabel } from '../../scorecard/categoryTitles';
import { statusColor } from '../../scorecard/statusColor';
import { RelativeTime } from '../RelativeTime';

export { bandLabel };

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

const IMBALANCE_EXPLANATION =
  'The highest and lowest category levels are two or more apart';

/**
 * The "Imbalanced" chip. Its explanation opens on hover and on keyboard
 * focus (the chip is in the tab order), and Escape closes it.
 */
function ImbalanceChip() {
  const classes = useStyles();
  const [open, setOpen] = useState(false);
  return (
    <Tooltip
      title={IMBALANCE_EXPLANATION}
      open={open}
      onOpen={() => setOpen(true)}
      onClose={() => setOpen(false)}
    >
      <Chip
        tabIndex={0}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={event => {
          if (event.key === 'Escape') setOpen(false);
        }}
        variant="outlined"
        icon={<WarningOutlined />}
        label="Imbalanced"
        classes={{ root: classes.imbalance, icon: classes.imbalanceIcon }}
      />
    </Tooltip>
  );
}

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
        {scorecard.levelsWithoutWaivers &&
          scorecard.levelsWithoutWaivers.overallLevel !==
            scorecard.overallLevel && (
            // The debt waivers hide, said where it changes the level.
            <Typography variant="caption" color="textSecondary">
              Without waivers:{' '}
              {levelLabel(scorecard.levelsWithoutWaivers.overallLevel)}
            </Typography>
          )}
      </div>
      <div className={classes.figure}>
        <Typography variant="overline" color="textSecondary">
          Delivery performance
        </Typography>
        <Typography variant="h4" component="p" className={classes.value}>
          {bandLabel(scorecard.delivery.overallBand)}
        </Typography>
      </div>
      {scorecard.imbalanced && <ImbalanceChip />}
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
