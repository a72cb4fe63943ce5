import {
  CategoryLevelStep,
  CheckResult,
  overallLevelSteps,
  Scorecard,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import { InfoCard } from '@backstage/core-components';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { CATEGORY_TITLES, levelLabel } from '../../scorecard/categoryTitles';
import { CheckExemptions, CheckResultItem } from '../CheckResultItem';

const useStyles = makeStyles(theme => ({
  list: { listStyle: 'none', margin: 0, padding: 0 },
  category: { marginTop: theme.spacing(2) },
  note: { marginTop: theme.spacing(1) },
}));

/** Props of {@link NextLevelSteps}. */
export interface NextLevelStepsProps {
  scorecard: Scorecard;
  onShowEvidence?: (check: CheckResult) => void;
  /** Exemptions beyond the scorecard, and actions on them. */
  exemptions?: CheckExemptions;
}

const COUNT_WORDS = ['no', 'one', 'two', 'three', 'four', 'five'];

function countWord(count: number): string {
  return COUNT_WORDS[count] ?? String(count);
}

/** `1 check`, `3 checks`. */
function checkCount(count: number): string {
  return `${count} ${count === 1 ? 'check' : 'checks'}`;
}

function CategoryStep(
  props: Omit<NextLevelStepsProps, 'scorecard'> & { step: CategoryLevelStep },
) {
  const { step, onShowEvidence, exemptions } = props;
  const classes = useStyles();
  const item = (check: CheckResult) => (
    <CheckResultItem
      key={check.checkId}
      check={check}
      onShowEvidence={onShowEvidence}
      exemptions={exemptions}
    />
  );
  const scoredLead =
    step.scoredNeeded === step.scored.length
      ? `${step.required ? 'And ' : ''}${
          step.scored.length === 1 ? 'this' : 'these'
        }:`
      : `${step.required ? 'And any' : 'Any'} ${countWord(
          step.scoredNeeded,
        )} of these ${step.scored.length}:`;
  return (
    <section
      className={classes.category}
      aria-label={`${CATEGORY_TITLES[step.category]} to level ${
        step.nextLevel
      }`}
    >
      <Typography variant="subtitle1" component="h4">
        {CATEGORY_TITLES[step.category]} → level {levelLabel(step.nextLevel)}
      </Typography>
      {step.required && <ul className={classes.list}>{item(step.required)}</ul>}
      {step.scoredNeeded > 0 && (
        <>
          <Typography variant="body2" className={classes.note}>
            {scoredLead}
          </Typography>
          <ul className={classes.list}>{step.scored.map(item)}</ul>
        </>
      )}
    </section>
  );
}

/**
 * What lifts the entity's overall level, the median of its categories: the
 * categories at the median, closest first, with the checks each needs, its
 * next level's required check first. Only as many categories as the median
 * needs are spelled out; the others are named as alternatives, and every
 * check is in the category list.
 */
export function NextLevelSteps(props: NextLevelStepsProps) {
  const { scorecard, onShowEvidence, exemptions } = props;
  const classes = useStyles();
  const steps = overallLevelSteps(scorecard);
  const title = 'What lifts this to the next level';

  if (steps.nextLevel === null) {
    return (
      <InfoCard title={title}>
        <Typography>
          The overall level is at the top, {levelLabel(steps.overallLevel)}.
        </Typography>
      </InfoCard>
    );
  }
  const chosen = steps.candidates.slice(0, steps.categoriesNeeded);
  const alternatives = steps.candidates.slice(steps.categoriesNeeded);
  const needed = steps.categoriesNeeded;
  return (
    <InfoCard
      title={title}
      subheader={`Overall ${levelLabel(steps.overallLevel)} → ${levelLabel(
        steps.nextLevel,
      )}`}
    >
      <Typography variant="body2" color="textSecondary">
        The overall level is the median of the categories: it rises when{' '}
        {countWord(needed)} more{' '}
        {needed === 1 ? 'category reaches' : 'categories reach'} level{' '}
        {steps.nextLevel}.{' '}
        {alternatives.length > 0
          ? `The ${needed === 1 ? 'closest is' : 'closest are'}:`
          : ''}
      </Typography>
      {chosen.map(step => (
        <CategoryStep
          key={step.category}
          step={step}
          onShowEvidence={onShowEvidence}
          exemptions={exemptions}
        />
      ))}
      {alternatives.length > 0 && (
        <Typography variant="body2" className={classes.note}>
          Or instead:{' '}
          {alternatives
            .map(
              step =>
                `${CATEGORY_TITLES[step.category]} (${checkCount(step.cost)})`,
            )
            .join(', ')}
          . Every check is listed by category below.
        </Typography>
      )}
    </InfoCard>
  );
}
