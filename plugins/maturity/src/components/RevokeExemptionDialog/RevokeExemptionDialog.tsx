import { WarningPanel } from '@backstage/core-components';
import { Exemption } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import { makeStyles } from '@material-ui/core/styles';
import { useEffect, useRef, useState } from 'react';
import { formatDate } from '../../time/formatDate';
import { describeExemptionError } from '../ExemptionDialog';

const useStyles = makeStyles(theme => ({
  error: { marginTop: theme.spacing(2) },
}));

/** Props of {@link RevokeExemptionDialog}. */
export interface RevokeExemptionDialogProps {
  /** The exemption to revoke and its check's title; open while set. */
  target?: { exemption: Exemption; checkTitle: string };
  onClose: () => void;
  /**
   * Revokes it. The dialog shows what it rejects with and stays open; the
   * caller closes it on success.
   */
  onConfirm: (exemption: Exemption) => Promise<void>;
}

/**
 * Asks before revoking an exemption: which check, whose waiver and why, and
 * that the check counts with its observed result again after re-evaluation.
 */
export function RevokeExemptionDialog(props: RevokeExemptionDialogProps) {
  const { target, onClose, onConfirm } = props;
  const classes = useStyles();
  const [revoking, setRevoking] = useState(false);
  const [apiError, setApiError] = useState<Error>();

  // While closing, the dialog fades out still naming its exemption.
  const lastTarget = useRef(target);
  if (target) {
    lastTarget.current = target;
  }
  const shown = target ?? lastTarget.current;

  const id = target?.exemption.id;
  useEffect(() => {
    setRevoking(false);
    setApiError(undefined);
  }, [id]);

  const confirm = async () => {
    if (!target || revoking) {
      return;
    }
    setApiError(undefined);
    setRevoking(true);
    try {
      await onConfirm(target.exemption);
    } catch (error) {
      setApiError(error as Error);
    } finally {
      setRevoking(false);
    }
  };

  const exemption = shown?.exemption;
  return (
    <Dialog
      open={!!target}
      onClose={revoking ? undefined : onClose}
      aria-labelledby="maturity-revoke-title"
      aria-describedby="maturity-revoke-description"
      maxWidth="sm"
    >
      <DialogTitle id="maturity-revoke-title">
        Revoke the exemption of “{shown?.checkTitle}”?
      </DialogTitle>
      <DialogContent>
        <DialogContentText id="maturity-revoke-description">
          {exemption && (
            <>
              Granted by {exemption.author} on {formatDate(exemption.createdAt)}
              : “{exemption.reason}”.{' '}
            </>
          )}
          After revoking, the check counts with its observed result again; the
          check and the level update after re-evaluation.
        </DialogContentText>
        {apiError && (
          <div className={classes.error}>
            <WarningPanel
              severity="error"
              title="Could not revoke the exemption"
              message={describeExemptionError(apiError)}
              defaultExpanded
            />
          </div>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={revoking}>
          Cancel
        </Button>
        <Button
          variant="contained"
          color="primary"
          onClick={confirm}
          disabled={revoking}
        >
          {revoking ? 'Revoking…' : 'Revoke'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
