import {
  CheckResult,
  Exemption,
  METRIC_DEFINITIONS,
  MetricId,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { formatDate } from '../../time/formatDate';
import { CheckStateChip } from '../CheckStateChip';

const useStyles = makeStyles(theme => ({
  root: {
    padding: theme.spacing(1.5, 0),
    borderBottom: `1px solid ${theme.palette.divider}`,
    '&:last-child': { borderBottom: 'none' },
  },
  heading: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
  title: { fontWeight: theme.typography.fontWeightMedium as number },
  detail: { marginTop: theme.spacing(0.5) },
  exemption: {
    marginTop: theme.spacing(0.5),
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    columnGap: theme.spacing(1),
  },
  observed: {
    margin: 0,
    display: 'grid',
    gridTemplateColumns: 'max-content auto',
    columnGap: theme.spacing(2),
    '& dt': { color: theme.palette.text.secondary },
    '& dd': { margin: 0 },
  },
}));

/** Observed values in a readable form: ratios stay as the check read them. */
function formatObserved(value: number | string | boolean | null): string {
  if (value === null) {
    return 'no data';
  }
  if (typeof value === 'number') {
    return Number.isInteger(value) ? String(value) : value.toFixed(2);
  }
  return String(value);
}

const CONNECTION_NAMES: Record<string, string> = {
  scm: 'source control',
  ci: 'CI',
  incidents: 'incident tool',
};

/**
 * The name of an observed value: a metric's title (`Direct pushes`), `sample
 * size` for its sample (named by metric when the check read several),
 * `CI connected`, or the repository fact as it is called.
 */
export function observedLabel(
  key: string,
  keys: ReadonlyArray<string>,
): string {
  const sample = /^(.+)\.sampleSize$/.exec(key);
  if (sample) {
    const samples = keys.filter(k => k.endsWith('.sampleSize')).length;
    const metric = METRIC_DEFINITIONS[sample[1] as MetricId];
    return samples > 1 && metric
      ? `${metric.title}: sample size`
      : 'sample size';
  }
  const connection = /^connection\.(.+)$/.exec(key);
  if (connection) {
    return `${CONNECTION_NAMES[connection[1]] ?? connection[1]} connected`;
  }
  const metric = METRIC_DEFINITIONS[key as MetricId];
  return metric ? metric.title : key.replace(/-/g, ' ');
}

/** `reason — granted by user:default/jane on Nov 1, 2026, expires …`. */
function describeExemption(exemption: Exemption): string {
  const expiry = exemption.expiresAt
    ? `expires ${formatDate(exemption.expiresAt)}`
    : 'no expiry';
  return `${exemption.reason} — granted by ${exemption.author} on ${formatDate(
    exemption.createdAt,
  )}, ${expiry}.`;
}

/**
 * The entity's exemptions as far as its checks are concerned, and what the
 * reader may do about them.
 */
export interface CheckExemptions {
  /**
   * Exemptions approved since the scorecard was evaluated, by check id: they
   * apply from the next evaluation.
   */
  pending: ReadonlyMap<string, Exemption>;
  /**
   * Ids of exemptions the scorecard applies that have since stopped
   * counting (revoked or expired).
   */
  revoked: ReadonlySet<string>;
  /** Requests waiting for a decision, by check id. */
  requested?: ReadonlyMap<string, Exemption>;
  /** Opens the exemption request form. */
  onExempt?: (check: CheckResult) => void;
  /** Asks to revoke an exemption; only for deciders. */
  onRevoke?: (exemption: Exemption, check: CheckResult) => void;
}

/** Props of {@link CheckResultItem}. */
export interface CheckResultItemProps {
  check: CheckResult;
  /** Opens the events behind the check. */
  onShowEvidence?: (check: CheckResult) => void;
  exemptions?: CheckExemptions;
}

/**
 * One check with everything that explains it: state, message, observed
 * values against the threshold, the threshold's source, how to fix it, its
 * exemption, and the evidence behind it. Readers request an exemption of a
 * failing or data-lacking check; deciders revoke an exemption.
 */
export function CheckResultItem(props: CheckResultItemProps) {
  const { check, onShowEvidence, exemptions } = props;
  const classes = useStyles();
  const observed = Object.entries(check.observed);
  const observedKeys = observed.map(([key]) => key);
  const unmet = check.state === 'fail' || check.state === 'insufficient-data';
  const pending = exemptions?.pending.get(check.checkId);
  const waiting = exemptions?.requested?.get(check.checkId);
  const applied = check.exemption;
  const revoked = !!applied && !!exemptions?.revoked.has(applied.id);
  const onExempt = exemptions?.onExempt;
  const onRevoke = exemptions?.onRevoke;
  const revokeButton = (exemption: Exemption) =>
    onRevoke && (
      <Button
        size="small"
        color="primary"
        onClick={() => onRevoke(exemption, check)}
        aria-label={`Revoke the exemption of ${check.title}`}
      >
        Revoke
      </Button>
    );
  return (
    <li className={classes.root} aria-label={check.title}>
      <div className={classes.heading}>
        <CheckStateChip state={check.state} />
        <Typography component="span" className={classes.title}>
          {check.title}
        </Typography>
        {check.required && (
          <Chip size="small" label="Required" color="primary" />
        )}
        {check.countsFrom && (
          <Chip
            size="small"
            variant="outlined"
            label={`Advisory: counts from ${formatDate(check.countsFrom)}`}
            title="New or changed in a recent rubric change: shown, not counted in levels yet"
          />
        )}
        <Chip
          size="small"
          variant="outlined"
          label={`Source: ${check.source}`}
        />
        {check.evidence.length > 0 && onShowEvidence && (
          <Button
            size="small"
            color="primary"
            onClick={() => onShowEvidence(check)}
            aria-label={`Evidence for ${check.title}`}
          >
            Evidence ({check.evidence.length})
          </Button>
        )}
        {unmet && !pending && !waiting && onExempt && (
          <Button
            size="small"
            color="primary"
            onClick={() => onExempt(check)}
            aria-label={`Request an exemption of ${check.title}…`}
          >
            Request exemption…
          </Button>
        )}
      </div>
      <Typography variant="body2" className={classes.detail}>
        {check.message}
      </Typography>
      {(observed.length > 0 || check.threshold) && (
        <dl className={`${classes.observed} ${classes.detail}`}>
          {observed.map(([key, value]) => (
            <div key={key} style={{ display: 'contents' }}>
              <dt>
                <Typography variant="caption">
                  {observedLabel(key, observedKeys)}
                </Typography>
              </dt>
              <dd>
                <Typography variant="caption">
                  {formatObserved(value)}
                </Typography>
              </dd>
            </div>
          ))}
          {check.threshold && (
            <>
              <dt>
                <Typography variant="caption">threshold</Typography>
              </dt>
              <dd>
                <Typography variant="caption">{check.threshold}</Typography>
              </dd>
            </>
          )}
        </dl>
      )}
      {unmet && check.howToFix && (
        <Typography variant="body2" className={classes.detail}>
          <strong>How to fix:</strong> {check.howToFix}
        </Typography>
      )}
      {applied && (
        <div className={classes.exemption}>
          <Typography variant="body2">
            <strong>Exempt:</strong> {describeExemption(applied)}
            {revoked &&
              ' Revoked since: the check counts again after re-evaluation.'}
          </Typography>
          {!revoked && revokeButton(applied)}
        </div>
      )}
      {waiting && !pending && !applied && (
        <div className={classes.exemption}>
          <Typography variant="body2">
            <strong>Exemption requested, waiting for a decision:</strong>{' '}
            {describeExemption(waiting)}
          </Typography>
        </div>
      )}
      {pending && !applied && (
        <div className={classes.exemption}>
          <Typography variant="body2">
            <strong>Exemption approved, applies after re-evaluation:</strong>{' '}
            {describeExemption(pending)}
          </Typography>
          {revokeButton(pending)}
        </div>
      )}
    </li>
  );
}
