import { WarningPanel } from '@backstage/core-components';
import {
  ApproveExemptionRequest,
  Exemption,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { useEffect, useState } from 'react';
import { formatDate } from '../../time/formatDate';
import { describeExemptionError } from '../ExemptionDialog/describeExemptionError';
import { utcDay, validateApprovalExpiry } from './validateDecision';

const DAY_MS = 24 * 60 * 60 * 1000;

const useStyles = makeStyles(theme => ({
  field: { marginTop: theme.spacing(2) },
  error: { marginTop: theme.spacing(2) },
}));

/** Props of {@link DecideExemptionDialog}. */
export interface DecideExemptionDialogProps {
  /** The request to decide and its check's title; open while set. */
  target?: { exemption: Exemption; checkTitle: string };
  onClose: () => void;
  /** Approves it; rejects with what the API said, the dialog stays open. */
  onApprove: (request: ApproveExemptionRequest) => Promise<void>;
  /** Denies it with the comment. */
  onDeny: (comment: string) => Promise<void>;
}

/**
 * A decider's form for one exemption request: what was asked (reason,
 * requester, requested expiry), an optional shorter expiry for an approval
 * and a comment, which a denial requires (the requester reads it).
 */
export function DecideExemptionDialog(props: DecideExemptionDialogProps) {
  const { target, onClose, onApprove, onDeny } = props;
  const classes = useStyles();
  const [shown, setShown] = useState(target);
  const [expiresOn, setExpiresOn] = useState('');
  const [comment, setComment] = useState('');
  const [fieldError, setFieldError] = useState<{
    expiresOn?: string;
    comment?: string;
  }>({});
  const [apiError, setApiError] = useState<Error>();
  const [busy, setBusy] = useState<'approve' | 'deny'>();

  // Keep the last target shown while the dialog closes; start afresh on open.
  useEffect(() => {
    if (target) {
      setShown(target);
      setExpiresOn('');
      setComment('');
      setFieldError({});
      setApiError(undefined);
    }
  }, [target]);

  const exemption = shown?.exemption;
  const run = async (action: 'approve' | 'deny', call: () => Promise<void>) => {
    setBusy(action);
    setApiError(undefined);
    try {
      await call();
    } catch (error) {
      setApiError(error as Error);
    } finally {
      setBusy(undefined);
    }
  };
  const approve = () => {
    if (!exemption) return;
    const result = validateApprovalExpiry(exemption, expiresOn, Date.now());
    if ('error' in result) {
      setFieldError({ expiresOn: result.error });
      return;
    }
    setFieldError({});
    const trimmed = comment.trim();
    run('approve', () =>
      onApprove({
        ...(result.expiresAt ? { expiresAt: result.expiresAt } : {}),
        ...(trimmed ? { comment: trimmed } : {}),
      }),
    );
  };
  const deny = () => {
    const trimmed = comment.trim();
    if (!trimmed) {
      setFieldError({
        comment: 'Say why you deny it: the requester reads it.',
      });
      return;
    }
    setFieldError({});
    run('deny', () => onDeny(trimmed));
  };

  const maxDay = exemption?.requestedExpiresAt
    ? utcDay(Date.parse(exemption.requestedExpiresAt))
    : undefined;
  return (
    <Dialog
      open={!!target}
      onClose={busy ? undefined : onClose}
      aria-labelledby="maturity-decide-title"
      fullWidth
      maxWidth="sm"
    >
      <DialogTitle id="maturity-decide-title">
        Decide the exemption request for “{shown?.checkTitle}”
      </DialogTitle>
      <DialogContent>
        {exemption && (
          <>
            <Typography variant="body2">
              <strong>Reason:</strong> {exemption.reason}
            </Typography>
            <Typography variant="body2">
              <strong>Requested by</strong> {exemption.author} on{' '}
              {formatDate(exemption.createdAt)}
              {exemption.requestedExpiresAt
                ? `, until ${formatDate(exemption.requestedExpiresAt)}`
                : ', without expiry'}
              .
            </Typography>
          </>
        )}
        <TextField
          className={classes.field}
          id="maturity-decide-expires"
          label="Expires on (optional, for an approval)"
          type="date"
          variant="outlined"
          value={expiresOn}
          onChange={event => setExpiresOn(event.target.value)}
          error={!!fieldError.expiresOn}
          helperText={
            fieldError.expiresOn ??
            'Empty keeps the requested expiry; a day may only shorten it.'
          }
          InputLabelProps={{ shrink: true }}
          inputProps={{ min: utcDay(Date.now() + DAY_MS), max: maxDay }}
          disabled={!!busy}
        />
        <TextField
          className={classes.field}
          id="maturity-decide-comment"
          label="Comment (required to deny)"
          multiline
          minRows={2}
          fullWidth
          variant="outlined"
          value={comment}
          onChange={event => setComment(event.target.value)}
          error={!!fieldError.comment}
          helperText={fieldError.comment ?? 'Kept in the exemption’s history.'}
          inputProps={{ maxLength: 2000 }}
          disabled={!!busy}
        />
        {apiError && (
          <div className={classes.error}>
            <WarningPanel
              severity="error"
              title="Could not decide the request"
              message={describeExemptionError(apiError)}
              defaultExpanded
            />
          </div>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={!!busy}>
          Cancel
        </Button>
        <Button onClick={deny} disabled={!!busy}>
          {busy === 'deny' ? 'Denying…' : 'Deny'}
        </Button>
        <Button
          variant="contained"
          color="primary"
          onClick={approve}
          disabled={!!busy}
        >
          {busy === 'approve' ? 'Approving…' : 'Approve'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
