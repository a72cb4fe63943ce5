import {
  CheckResult,
  CheckState,
  evaluateLevel,
  MaturityLevel,
  MLOPS_SCORED_SHARE,
  Scorecard,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import Grid from '@material-ui/core/Grid';
import Paper from '@material-ui/core/Paper';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { mlopsLevelLabel } from '../../scorecard/mlopsLevelLabel';
import { CheckExemptions, CheckResultItem } from '../CheckResultItem';

const useStyles = makeStyles(theme => ({
  root: { padding: theme.spacing(2) },
  figure: { marginTop: theme.spacing(1) },
  value: { fontWeight: theme.typography.fontWeightBold as number },
  ladder: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    listStyle: 'none',
    margin: theme.spacing(1, 0, 2),
    padding: 0,
  },
  step: {
    flex: '1 1 12rem',
    padding: theme.spacing(1, 1.5),
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
  },
  current: {
    borderColor: theme.palette.primary.main,
    borderWidth: 2,
  },
  list: { listStyle: 'none', margin: 0, padding: 0 },
  levelHeading: { marginTop: theme.spacing(1) },
}));

const MET_STATES: CheckState[] = ['pass', 'exempt'];

/** Props of {@link MlopsPanel}. */
export interface MlopsPanelProps {
  scorecard: Scorecard;
  onShowEvidence?: (check: CheckResult) => void;
  /** Exemptions beyond the scorecard, and actions on them. */
  exemptions?: CheckExemptions;
}

/** `4 of 4 checks met`, counting the applicable ones. */
function metCount(checks: CheckResult[]): string {
  const applicable = checks.filter(c => c.state !== 'not-applicable');
  const met = applicable.filter(c => MET_STATES.includes(c.state));
  return `${met.length} of ${applicable.length} ${
    applicable.length === 1 ? 'check' : 'checks'
  } met`;
}

/**
 * What keeps a level from being met: its required check unless met, and
 * every scored check failing or lacking data (the MLOps track needs all of
 * them), required first.
 */
function levelBlockers(checks: CheckResult[]): CheckResult[] {
  return checks
    .filter(c =>
      c.required
        ? !MET_STATES.includes(c.state)
        : c.state === 'fail' || c.state === 'insufficient-data',
    )
    .sort((a, b) => Number(b.required) - Number(a.required));
}

/**
 * Google's MLOps level of an ML entity, from 0 (manual process) to 2 (CI/CD
 * pipeline automation): the ladder of levels, what lifts the entity to the
 * next one, and every check of the track with its evidence. Renders nothing
 * for an entity the track does not apply to.
 */
export function MlopsPanel(props: MlopsPanelProps) {
  const { scorecard, onShowEvidence, exemptions } = props;
  const classes = useStyles();
  if (!scorecard.mlops) {
    return null;
  }
  const reached = scorecard.mlops.level;
  const checks = scorecard.checks.filter(c => c.category === 'mlops');
  const levels = Array.from(new Set(checks.map(c => c.level))).sort(
    (a, b) => a - b,
  );
  const checksOf = (level: number) =>
    checks
      .filter(c => c.level === level)
      .sort((a, b) => Number(b.required) - Number(a.required));
  const nextLevel = levels.find(level => level > reached);
  const blockers =
    nextLevel === undefined ? [] : levelBlockers(checksOf(nextLevel));
  const item = (check: CheckResult) => (
    <CheckResultItem
      key={check.checkId}
      check={check}
      onShowEvidence={onShowEvidence}
      exemptions={exemptions}
    />
  );

  const heading = (
    <>
      <Typography variant="h6" component="h3" id="maturity-mlops-title">
        MLOps
      </Typography>
      <Typography variant="body2" color="textSecondary">
        Google’s MLOps levels for ML pipelines and models. A level is reached
        when every one of its applicable checks is met and the level below it is
        reached.
      </Typography>
      <div className={classes.figure}>
        <Typography variant="overline" color="textSecondary">
          MLOps level
        </Typography>
        <Typography variant="h4" component="p" className={classes.value}>
          {mlopsLevelLabel(reached)}
        </Typography>
      </div>
    </>
  );
  if (checks.length === 0) {
    return (
      <Paper
        component="section"
        aria-labelledby="maturity-mlops-title"
        className={classes.root}
      >
        {heading}
        <Typography variant="body2">
          The rubric in use has no enabled MLOps checks, so no ML entity rises
          above {mlopsLevelLabel(0)}.
        </Typography>
      </Paper>
    );
  }

  const ladderStatus = (level: number) => {
    const current = level === reached ? 'Current level · ' : '';
    if (level === 0) {
      return `${current}Reached: the starting point`;
    }
    const levelChecks = checksOf(level);
    const result = evaluateLevel(
      level as MaturityLevel,
      levelChecks,
      MLOPS_SCORED_SHARE,
    );
    let status = 'Not reached';
    if (level <= reached) {
      status = 'Reached';
    } else if (result.insufficientData) {
      status = 'Insufficient data';
    } else if (result.met) {
      // Met on its own, yet the ladder is strict.
      status = `Not reached: level ${reached + 1} comes first`;
    }
    return `${current}${status} · ${metCount(levelChecks)}`;
  };

  return (
    <Paper
      component="section"
      aria-labelledby="maturity-mlops-title"
      className={classes.root}
    >
      {heading}
      <ol className={classes.ladder} aria-label="MLOps levels">
        {[0, ...levels].map(level => (
          <li
            key={level}
            className={`${classes.step} ${
              level === reached ? classes.current : ''
            }`}
            aria-current={level === reached ? 'step' : undefined}
          >
            <Typography
              component="span"
              variant="subtitle2"
              display="block"
              className={level === reached ? classes.value : undefined}
            >
              {mlopsLevelLabel(level)}
            </Typography>
            <Typography
              component="span"
              variant="body2"
              color="textSecondary"
              display="block"
            >
              {ladderStatus(level)}
            </Typography>
          </li>
        ))}
      </ol>
      <Grid container spacing={3}>
        <Grid item xs={12} lg={6}>
          <section aria-labelledby="maturity-mlops-next-title">
            <Typography
              variant="subtitle1"
              component="h4"
              id="maturity-mlops-next-title"
            >
              What lifts this to the next MLOps level
            </Typography>
            {nextLevel === undefined ? (
              <Typography variant="body2">
                The MLOps level is at the top, {mlopsLevelLabel(reached)}.
              </Typography>
            ) : (
              <>
                <Typography variant="body2" color="textSecondary">
                  {mlopsLevelLabel(reached)} → {mlopsLevelLabel(nextLevel)}:
                  every one of these must be met.
                </Typography>
                <ul className={classes.list}>{blockers.map(item)}</ul>
              </>
            )}
          </section>
        </Grid>
        <Grid item xs={12} lg={6}>
          <section aria-labelledby="maturity-mlops-checks-title">
            <Typography
              variant="subtitle1"
              component="h4"
              id="maturity-mlops-checks-title"
            >
              MLOps checks
            </Typography>
            {levels.map(level => (
              <div key={level}>
                <Typography
                  variant="overline"
                  component="h5"
                  className={classes.levelHeading}
                  id={`maturity-mlops-level-${level}`}
                >
                  Level {mlopsLevelLabel(level)}
                </Typography>
                <ul
                  className={classes.list}
                  aria-labelledby={`maturity-mlops-level-${level}`}
                >
                  {checksOf(level).map(item)}
                </ul>
              </div>
            ))}
          </section>
        </Grid>
      </Grid>
    </Paper>
  );
}
