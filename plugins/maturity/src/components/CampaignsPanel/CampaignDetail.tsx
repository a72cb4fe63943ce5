import {
  EmptyState,
  InfoCard,
  Link,
  Progress,
} from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import {
  CampaignInput,
  CampaignProgress,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import Grid from '@material-ui/core/Grid';
import Paper from '@material-ui/core/Paper';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import ArrowBack from '@material-ui/icons/ArrowBack';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { maturityApiRef } from '../../api/MaturityApi';
import {
  goalInWords,
  scopeInWords,
  STATUS_LABELS,
  tallyLabel,
} from '../../campaigns/describeCampaign';
import { useCheckTitles } from '../../scorecard/useCheckTitles';
import { formatDate } from '../../time/formatDate';
import { CampaignBurnUpChart } from '../CampaignBurnUpChart';
import { CampaignDialog, describeCampaignError } from '../CampaignDialog';
import { shortEntityRef } from '../EntityMaturityLink';
import { isNotFound } from '../EntityScorecard/useEntityScorecard';
import { LoadErrorPanel } from '../LoadErrorPanel';
import { CampaignShortEntities } from './CampaignShortEntities';
import { CampaignTeamsTable } from './CampaignTeamsTable';

const useStyles = makeStyles(theme => ({
  root: { padding: theme.spacing(2) },
  header: {
    display: 'flex',
    justifyContent: 'space-between',
    alignItems: 'center',
    gap: theme.spacing(1),
    flexWrap: 'wrap',
  },
  actions: { display: 'flex', gap: theme.spacing(1) },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: theme.spacing(2),
    rowGap: theme.spacing(0.5),
    margin: theme.spacing(2, 0, 0),
    '& dt': { fontWeight: theme.typography.fontWeightMedium },
    '& dd': { margin: 0 },
  },
  finished: { marginTop: theme.spacing(1), fontWeight: 500 },
}));

/** Props of {@link CampaignDetail}. */
export interface CampaignDetailProps {
  id: string;
  /** The link back to the list. */
  listLink: string;
  /** Whether the reader may edit and delete campaigns. */
  canManage: boolean;
  /** After the campaign was deleted. */
  onDeleted: () => void;
}

function Facts(props: { progress: CampaignProgress }) {
  const { campaign } = props.progress;
  const classes = useStyles();
  const titleOf = useCheckTitles();
  return (
    <dl className={classes.facts}>
      <dt>Goal</dt>
      <dd>{goalInWords(campaign.goal, titleOf)}</dd>
      <dt>Scope</dt>
      <dd>{scopeInWords(campaign.scope)}</dd>
      <dt>Run by</dt>
      <dd>{shortEntityRef(campaign.ownerRef, 'group')}</dd>
      <dt>Runs</dt>
      <dd>
        {formatDate(campaign.startsOn)} to {formatDate(campaign.deadline)}
      </dd>
      <dt>Exemptions</dt>
      <dd>
        {campaign.allowExemptions
          ? 'An approved exemption counts as meeting a check'
          : 'Not counted: an exempt check is still short'}
      </dd>
      <dt>Meeting the goal</dt>
      <dd>
        {campaign.latest
          ? `${tallyLabel(campaign.latest)} on ${formatDate(
              campaign.latest.day,
            )}`
          : 'Not computed yet'}
      </dd>
    </dl>
  );
}

/**
 * One campaign: what it asks of whom by when, its burn-up against the
 * milestones, the teams behind and the entities still short with what
 * they lack. A finished campaign shows its final figures, read-only.
 */
export function CampaignDetail(props: CampaignDetailProps) {
  const { id, listLink, canManage, onDeleted } = props;
  const classes = useStyles();
  const maturityApi = useApi(maturityApiRef);
  const alertApi = useApi(alertApiRef);
  const [editing, setEditing] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const { loading, error, value, retry } = useAsyncRetry(
    () => maturityApi.getCampaign(id),
    [maturityApi, id],
  );

  const back = (
    <Link to={listLink}>
      <Box display="inline-flex" alignItems="center" component="span">
        <ArrowBack fontSize="small" /> All campaigns
      </Box>
    </Link>
  );

  if (loading && !value) return <Progress />;
  if (error) {
    if (isNotFound(error)) {
      return (
        <>
          {back}
          <EmptyState
            missing="data"
            title="No such campaign"
            description="It may have been deleted. The list shows every campaign there is."
          />
        </>
      );
    }
    return (
      <LoadErrorPanel
        title="Could not load the campaign"
        error={error}
        onRetry={retry}
      />
    );
  }
  if (!value) return null;

  const { campaign } = value;
  const finished = campaign.status === 'finished';
  const save = async (input: CampaignInput) => {
    await maturityApi.updateCampaign(campaign.id, input);
    setEditing(false);
    alertApi.post({
      message: `Saved “${input.title}”: its figures are computed again in the background.`,
      severity: 'success',
      display: 'transient',
    });
    retry();
  };
  const remove = async () => {
    setDeleting(true);
    try {
      await maturityApi.deleteCampaign(campaign.id);
      alertApi.post({
        message: `Deleted “${campaign.title}”.`,
        severity: 'success',
        display: 'transient',
      });
      setConfirmingDelete(false);
      onDeleted();
    } catch (e) {
      alertApi.post({
        message: `Could not delete the campaign: ${
          describeCampaignError(e as Error).message
        }`,
        severity: 'error',
      });
    } finally {
      setDeleting(false);
    }
  };

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        {back}
      </Grid>
      <Grid item xs={12}>
        <Paper
          component="section"
          aria-labelledby="maturity-campaign-detail-title"
          className={classes.root}
        >
          <div className={classes.header}>
            <Typography
              variant="h5"
              component="h2"
              id="maturity-campaign-detail-title"
            >
              {campaign.title}
            </Typography>
            <div className={classes.actions}>
              <Typography variant="overline" component="span">
                {STATUS_LABELS[campaign.status]}
              </Typography>
              {canManage && !finished && (
                <>
                  <Button variant="outlined" onClick={() => setEditing(true)}>
                    Edit
                  </Button>
                  <Button
                    variant="outlined"
                    onClick={() => setConfirmingDelete(true)}
                  >
                    Delete
                  </Button>
                </>
              )}
            </div>
          </div>
          {finished && (
            <Typography className={classes.finished}>
              {campaign.finishedAt
                ? `Finished on ${formatDate(
                    campaign.finishedAt,
                  )} — final figures (deadline ${formatDate(
                    campaign.deadline,
                  )})`
                : `Ended on ${formatDate(
                    campaign.deadline,
                  )} — its final figures are being computed`}
            </Typography>
          )}
          {campaign.description && (
            <Typography variant="body1" style={{ marginTop: 8 }}>
              {campaign.description}
            </Typography>
          )}
          <Facts progress={value} />
        </Paper>
      </Grid>
      <Grid item xs={12} lg={6}>
        <InfoCard title="Burn-up">
          <CampaignBurnUpChart campaign={campaign} days={value.days} />
        </InfoCard>
      </Grid>
      <Grid item xs={12} lg={6}>
        <InfoCard title="Teams">
          <CampaignTeamsTable teams={value.teams} />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Entities still short">
          <CampaignShortEntities campaign={campaign} />
        </InfoCard>
      </Grid>
      {canManage && !finished && (
        <>
          <CampaignDialog
            open={editing}
            campaign={campaign}
            onClose={() => setEditing(false)}
            onSubmit={save}
          />
          <Dialog
            open={confirmingDelete}
            onClose={deleting ? undefined : () => setConfirmingDelete(false)}
            aria-labelledby="maturity-campaign-delete-title"
          >
            <DialogTitle id="maturity-campaign-delete-title">
              Delete “{campaign.title}”?
            </DialogTitle>
            <DialogContent>
              <DialogContentText>
                The campaign and its figures are deleted; owners get no further
                reminders. This cannot be undone.
              </DialogContentText>
            </DialogContent>
            <DialogActions>
              <Button
                onClick={() => setConfirmingDelete(false)}
                disabled={deleting}
              >
                Cancel
              </Button>
              <Button
                variant="contained"
                color="secondary"
                onClick={remove}
                disabled={deleting}
              >
                Delete campaign
              </Button>
            </DialogActions>
          </Dialog>
        </>
      )}
    </Grid>
  );
}
