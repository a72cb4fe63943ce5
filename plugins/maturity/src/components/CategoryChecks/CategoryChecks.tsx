import {
  CATEGORY_IDS,
  CheckResult,
  Scorecard,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import ExpandMore from '@material-ui/icons/ExpandMore';
import { CATEGORY_TITLES, levelLabel } from '../../scorecard/categoryTitles';
import { CheckExemptions, CheckResultItem } from '../CheckResultItem';
import { formatDate } from '../../time/formatDate';

const useStyles = makeStyles(theme => ({
  summary: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    alignItems: 'baseline',
  },
  details: { display: 'block' },
  list: { listStyle: 'none', margin: 0, padding: 0 },
  levelHeading: { marginTop: theme.spacing(1) },
}));

/** Props of {@link CategoryChecks}. */
export interface CategoryChecksProps {
  scorecard: Scorecard;
  onShowEvidence?: (check: CheckResult) => void;
  /** Exemptions beyond the scorecard, and actions on them. */
  exemptions?: CheckExemptions;
}

/**
 * Per category, an expandable list of its checks grouped by level, each with
 * its state, explanation and evidence.
 */
export function CategoryChecks(props: CategoryChecksProps) {
  const { scorecard, onShowEvidence, exemptions } = props;
  const classes = useStyles();
  return (
    <section aria-labelledby="maturity-checks-title">
      <Typography variant="h6" component="h3" id="maturity-checks-title">
        Checks
      </Typography>
      {CATEGORY_IDS.map(id => {
        const category = scorecard.categories.find(c => c.category === id);
        const checks = scorecard.checks.filter(c => c.category === id);
        const met = checks.filter(
          c => c.state === 'pass' || c.state === 'exempt',
        ).length;
        const applicable = checks.filter(
          c => c.state !== 'not-applicable',
        ).length;
        const levels = Array.from(new Set(checks.map(c => c.level))).sort();
        return (
          <Accordion key={id} TransitionProps={{ unmountOnExit: true }}>
            <AccordionSummary
              expandIcon={<ExpandMore />}
              aria-controls={`maturity-checks-${id}`}
              id={`maturity-checks-${id}-header`}
            >
              <div className={classes.summary}>
                <Typography component="span" variant="subtitle1">
                  {CATEGORY_TITLES[id]}
                </Typography>
                <Typography component="span" color="textSecondary">
                  Level {levelLabel(category?.level ?? 0)} · {met} of{' '}
                  {applicable} applicable checks met
                </Typography>
                {category?.atRisk && (
                  <Typography component="span" color="error">
                    At risk: drops to {levelLabel(category.rawLevel)} on{' '}
                    {formatDate(category.atRisk.dropsOn)}
                  </Typography>
                )}
              </div>
            </AccordionSummary>
            <AccordionDetails className={classes.details}>
              {levels.map(level => (
                <div key={level}>
                  <Typography
                    variant="overline"
                    component="h4"
                    className={classes.levelHeading}
                  >
                    Level {levelLabel(level)}
                  </Typography>
                  <ul className={classes.list}>
                    {checks
                      .filter(c => c.level === level)
                      .sort((a, b) => Number(b.required) - Number(a.required))
                      .map(check => (
                        <CheckResultItem
                          key={check.checkId}
                          check={check}
                          onShowEvidence={onShowEvidence}
                          exemptions={exemptions}
                        />
                      ))}
                  </ul>
                </div>
              ))}
            </AccordionDetails>
          </Accordion>
        );
      })}
    </section>
  );
}
