import { CheckResult } from '@internal/plugin-maturity-common';
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

/** Props of {@link CheckResultItem}. */
export interface CheckResultItemProps {
  check: CheckResult;
  /** Opens the events behind the check. */
  onShowEvidence?: (check: CheckResult) => void;
}

/**
 * One check with everything that explains it: state, message, observed
 * values against the threshold, the threshold's source, how to fix it, its
 * exemption, and the evidence behind it.
 */
export function CheckResultItem(props: CheckResultItemProps) {
  const { check, onShowEvidence } = props;
  const classes = useStyles();
  const observed = Object.entries(check.observed);
  const unmet = check.state === 'fail' || check.state === 'insufficient-data';
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
      </div>
      <Typography variant="body2" className={classes.detail}>
        {check.message}
      </Typography>
      {(observed.length > 0 || check.threshold) && (
        <dl className={`${classes.observed} ${classes.detail}`}>
          {observed.map(([key, value]) => (
            <div key={key} style={{ display: 'contents' }}>
              <dt>
                <Typography variant="caption">{key}</Typography>
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
      {check.exemption && (
        <Typography variant="body2" className={classes.detail}>
          <strong>Exempt:</strong> {check.exemption.reason} — granted by{' '}
          {check.exemption.author} on {formatDate(check.exemption.createdAt)}
          {check.exemption.expiresAt
            ? `, expires ${formatDate(check.exemption.expiresAt)}`
            : ', no expiry'}
          .
        </Typography>
      )}
    </li>
  );
}
