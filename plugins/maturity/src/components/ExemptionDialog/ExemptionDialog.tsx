import { WarningPanel } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import { makeStyles } from '@material-ui/core/styles';
import TextField from '@material-ui/core/TextField';
import { FormEvent, useEffect, useRef, useState } from 'react';
import { CreateExemptionRequest } from '../../api/MaturityApi';
import { describeExemptionError } from './describeExemptionError';

/** The backend's limit on a reason. */
export const MAX_REASON_LENGTH = 2000;

const DAY_MS = 24 * 60 * 60 * 1000;

const useStyles = makeStyles(theme => ({
  field: { marginTop: theme.spacing(2) },
  error: { marginTop: theme.spacing(2) },
}));

/** `YYYY-MM-DD` of a time, in UTC. */
function utcDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

interface FieldErrors {
  reason?: string;
  expiresOn?: string;
}

/**
 * The reason trimmed and the expiry day as the start of that day in UTC
 * (what the scorecard shows as its expiry date); or what is wrong with them.
 */
export function validateExemption(
  reason: string,
  expiresOn: string,
  now: number,
): { errors: FieldErrors } | { reason: string; expiresAt?: string } {
  const errors: FieldErrors = {};
  const trimmed = reason.trim();
  if (!trimmed) {
    errors.reason =
      'Give a reason: it is shown with the exemption to everyone who reads the scorecard.';
  } else if (trimmed.length > MAX_REASON_LENGTH) {
    errors.reason = `Keep the reason to at most ${MAX_REASON_LENGTH} characters (now ${trimmed.length}).`;
  }
  let expiresAt: string | undefined;
  if (expiresOn) {
    const time = /^\d{4}-\d{2}-\d{2}$/.test(expiresOn)
      ? Date.parse(`${expiresOn}T00:00:00.000Z`)
      : NaN;
    if (Number.isNaN(time)) {
      errors.expiresOn = 'Enter the expiry as a date, YYYY-MM-DD.';
    } else if (time <= now) {
      errors.expiresOn = `The expiry must be in the future: ${utcDay(
        now + DAY_MS,
      )} at the earliest.`;
    } else {
      expiresAt = new Date(time).toISOString();
    }
  }
  if (errors.reason || errors.expiresOn) {
    return { errors };
  }
  return { reason: trimmed, ...(expiresAt ? { expiresAt } : {}) };
}

/** Props of {@link ExemptionDialog}. */
export interface ExemptionDialogProps {
  /** The check to exempt; the dialog is open while set. */
  check?: { checkId: string; title: string };
  onClose: () => void;
  /**
   * Creates the exemption. The dialog shows what it rejects with and stays
   * open; the caller closes it on success.
   */
  onSubmit: (request: CreateExemptionRequest) => Promise<void>;
}

/**
 * A form to request an exemption of an entity from one check: a required reason and an
 * optional expiry day in the future. Says that the level only changes once
 * the entity is re-evaluated, and shows the API's error when it refuses.
 */
export function ExemptionDialog(props: ExemptionDialogProps) {
  const { check, onClose, onSubmit } = props;
  const classes = useStyles();
  const [reason, setReason] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempted, setAttempted] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [apiError, setApiError] = useState<Error>();
  const reasonRef = useRef<HTMLInputElement>(null);
  const expiresRef = useRef<HTMLInputElement>(null);

  // While closing, the dialog fades out still naming its check.
  const lastCheck = useRef(check);
  if (check) {
    lastCheck.current = check;
  }
  const shown = check ?? lastCheck.current;

  const checkId = check?.checkId;
  useEffect(() => {
    setReason('');
    setExpiresOn('');
    setErrors({});
    setAttempted(false);
    setSubmitting(false);
    setApiError(undefined);
  }, [checkId]);

  const revalidate = (nextReason: string, nextExpiresOn: string) => {
    if (attempted) {
      const result = validateExemption(nextReason, nextExpiresOn, Date.now());
      setErrors('errors' in result ? result.errors : {});
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!check || submitting) {
      return;
    }
    setAttempted(true);
    const result = validateExemption(reason, expiresOn, Date.now());
    if ('errors' in result) {
      setErrors(result.errors);
      (result.errors.reason ? reasonRef : expiresRef).current?.focus();
      return;
    }
    setErrors({});
    setApiError(undefined);
    setSubmitting(true);
    try {
      await onSubmit({ checkId: check.checkId, ...result });
    } catch (error) {
      setApiError(error as Error);
    } finally {
      setSubmitting(false);
    }
  };

  const tomorrow = utcDay(Date.now() + DAY_MS);
  return (
    <Dialog
      open={!!check}
      onClose={submitting ? undefined : onClose}
      aria-labelledby="maturity-exemption-title"
      aria-describedby="maturity-exemption-description"
      fullWidth
      maxWidth="sm"
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id="maturity-exemption-title">
          Request an exemption of “{shown?.title}”
        </DialogTitle>
        <DialogContent>
          <DialogContentText id="maturity-exemption-description">
            A decider approves or denies the request. Once approved, the check
            counts as met for this entity until the exemption expires or is
            revoked, from the entity’s next evaluation on.
          </DialogContentText>
          <TextField
            inputRef={reasonRef}
            id="maturity-exemption-reason"
            label="Reason"
            required
            multiline
            minRows={3}
            fullWidth
            variant="outlined"
            value={reason}
            onChange={event => {
              setReason(event.target.value);
              revalidate(event.target.value, expiresOn);
            }}
            error={!!errors.reason}
            helperText={
              errors.reason ??
              'Why this check does not apply here, e.g. where the practice lives instead.'
            }
            inputProps={{ maxLength: MAX_REASON_LENGTH }}
            disabled={submitting}
          />
          <TextField
            inputRef={expiresRef}
            className={classes.field}
            id="maturity-exemption-expires"
            label="Requested expiry (optional)"
            type="date"
            variant="outlined"
            value={expiresOn}
            onChange={event => {
              setExpiresOn(event.target.value);
              revalidate(reason, event.target.value);
            }}
            error={!!errors.expiresOn}
            helperText={
              errors.expiresOn ??
              'Stops applying at the start of this day (UTC). Leave empty for no expiry.'
            }
            InputLabelProps={{ shrink: true }}
            inputProps={{ min: tomorrow }}
            disabled={submitting}
          />
          {apiError && (
            <div className={classes.error}>
              <WarningPanel
                severity="error"
                title="Could not request the exemption"
                message={describeExemptionError(apiError)}
                defaultExpanded
              />
            </div>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={submitting}>
            Cancel
          </Button>
          <Button
            type="submit"
            variant="contained"
            color="primary"
            disabled={submitting}
          >
            {submitting ? 'Requesting…' : 'Request'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
