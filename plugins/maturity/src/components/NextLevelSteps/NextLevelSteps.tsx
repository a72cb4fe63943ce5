import {
  CheckResult,
  nextLevelBlockers,
  Scorecard,
} from '@internal/plugin-maturity-common';
import { InfoCard } from '@backstage/core-components';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { CATEGORY_TITLES, levelLabel } from '../../scorecard/categoryTitles';
import { CheckExemptions, CheckResultItem } from '../CheckResultItem';

const useStyles = makeStyles(theme => ({
  list: { listStyle: 'none', margin: 0, padding: 0 },
  category: { marginTop: theme.spacing(2), '&:first-child': { marginTop: 0 } },
}));

/** Props of {@link NextLevelSteps}. */
export interface NextLevelStepsProps {
  scorecard: Scorecard;
  onShowEvidence?: (check: CheckResult) => void;
  /** Exemptions beyond the scorecard, and actions on them. */
  exemptions?: CheckExemptions;
}

/**
 * What lifts the entity to the next level: per category, the failing and
 * data-lacking checks of its first unmet level, required check first.
 */
export function NextLevelSteps(props: NextLevelStepsProps) {
  const { scorecard, onShowEvidence, exemptions } = props;
  const classes = useStyles();
  const blockers = nextLevelBlockers(scorecard).filter(
    b => b.checks.length > 0,
  );
  return (
    <InfoCard title="What lifts this to the next level">
      {blockers.length === 0 ? (
        <Typography>
          Every category is at the top level or has nothing failing at its next
          level.
        </Typography>
      ) : (
        blockers.map(blocker => (
          <div key={blocker.category} className={classes.category}>
            <Typography variant="subtitle1" component="h4">
              {CATEGORY_TITLES[blocker.category]} → level{' '}
              {levelLabel(blocker.nextLevel)}
            </Typography>
            <ul className={classes.list}>
              {blocker.checks.map(check => (
                <CheckResultItem
                  key={check.checkId}
                  check={check}
                  onShowEvidence={onShowEvidence}
                  exemptions={exemptions}
                />
              ))}
            </ul>
          </div>
        ))
      )}
    </InfoCard>
  );
}
