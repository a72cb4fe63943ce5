import {
  CATEGORY_IDS,
  Scorecard,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import Paper from '@material-ui/core/Paper';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import WarningOutlined from '@material-ui/icons/ReportProblemOutlined';
import { CATEGORY_TITLES, levelLabel } from '../../scorecard/categoryTitles';
import { statusColor } from '../../scorecard/statusColor';
import { formatDate } from '../../time/formatDate';

const useStyles = makeStyles(theme => ({
  root: { padding: theme.spacing(2) },
  heading: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    '& svg': { color: statusColor(theme, 'warning') },
  },
  list: { margin: theme.spacing(1, 0, 0), paddingLeft: theme.spacing(3) },
  item: { marginBottom: theme.spacing(1) },
}));

/** Props of {@link LevelsAtRisk}. */
export interface LevelsAtRiskProps {
  scorecard: Scorecard;
}

/**
 * The categories held above the level today's checks give: a level drops
 * only after it was found below on several days in a row, and until then
 * the category is at risk. Says the day it would drop and the checks that
 * cause it. Renders nothing when no category is at risk.
 */
export function LevelsAtRisk(props: LevelsAtRiskProps) {
  const { scorecard } = props;
  const classes = useStyles();
  const atRisk = CATEGORY_IDS.flatMap(id => {
    const category = scorecard.categories.find(c => c.category === id);
    return category?.atRisk ? [{ ...category, atRisk: category.atRisk }] : [];
  });
  if (atRisk.length === 0) return null;
  const titleOf = (checkId: string) =>
    scorecard.checks.find(c => c.checkId === checkId)?.title ?? checkId;
  return (
    <Paper
      component="section"
      aria-labelledby="maturity-at-risk-title"
      className={classes.root}
    >
      <Typography
        variant="h6"
        component="h3"
        id="maturity-at-risk-title"
        className={classes.heading}
      >
        <WarningOutlined />
        At risk
      </Typography>
      <Typography variant="body2" color="textSecondary">
        A level drops only after it was found below on several days in a row;
        until then it is held.
      </Typography>
      <ul className={classes.list}>
        {atRisk.map(category => (
          <li
            key={category.category}
            className={classes.item}
            aria-label={`${CATEGORY_TITLES[category.category]} at risk`}
          >
            <Typography variant="body2">
              <strong>{CATEGORY_TITLES[category.category]}</strong> holds{' '}
              {levelLabel(category.level)}; today's checks give{' '}
              {levelLabel(category.rawLevel)} (
              {category.atRisk.belowDays === 1
                ? '1 day'
                : `${category.atRisk.belowDays} days`}{' '}
              below). It drops on {formatDate(category.atRisk.dropsOn)} if still
              below then.
            </Typography>
            {category.atRisk.checks.length > 0 && (
              <Typography variant="body2" color="textSecondary">
                Caused by: {category.atRisk.checks.map(titleOf).join(', ')}
              </Typography>
            )}
          </li>
        ))}
      </ul>
    </Paper>
  );
}
