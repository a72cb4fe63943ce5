import { EmptyState, Link, Progress } from '@backstage/core-components';
import { CampaignListItem } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import LinearProgress from '@material-ui/core/LinearProgress';
import Paper from '@material-ui/core/Paper';
import { makeStyles } from '@material-ui/core/styles';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import AddIcon from '@material-ui/icons/Add';
import {
  goalInWords,
  shareOf,
  STATUS_LABELS,
  tallyLabel,
} from '../../campaigns/describeCampaign';
import { useCheckTitles } from '../../scorecard/useCheckTitles';
import { formatDate } from '../../time/formatDate';
import { shortEntityRef } from '../EntityMaturityLink';
import { LoadErrorPanel } from '../LoadErrorPanel';

const useStyles = makeStyles(theme => ({
  root: { padding: theme.spacing(2) },
  header: {
    display: 'flex',
    justifyContent: 'space-between',
    alignItems: 'center',
    marginBottom: theme.spacing(1),
  },
  bar: { minWidth: 100, height: 8, borderRadius: 4, marginTop: 4 },
  nowrap: { whiteSpace: 'nowrap' },
}));

/** Props of {@link CampaignList}. */
export interface CampaignListProps {
  loading: boolean;
  error?: Error;
  campaigns?: CampaignListItem[];
  onRetry: () => void;
  /** The link to a campaign's detail. */
  linkOf: (id: string) => string;
  /** Opens the new-campaign dialog; no button when absent. */
  onCreate?: () => void;
}

/**
 * Every campaign, nearest deadline first: title, owner, goal in words,
 * deadline, status and how many in-scope entities meet the goal.
 */
export function CampaignList(props: CampaignListProps) {
  const { loading, error, campaigns, onRetry, linkOf, onCreate } = props;
  const classes = useStyles();
  const titleOf = useCheckTitles();

  let body;
  if (loading && !campaigns) {
    body = <Progress />;
  } else if (error) {
    body = (
      <LoadErrorPanel
        title="Could not load the campaigns"
        error={error}
        onRetry={onRetry}
      />
    );
  } else if (!campaigns || campaigns.length === 0) {
    body = (
      <EmptyState
        missing="content"
        title="No campaigns yet"
        description="A campaign sets a goal (checks to pass or a level to reach) for a scope of entities by a deadline, and follows the share meeting it day by day."
      />
    );
  } else {
    body = (
      <Table size="small" aria-label="Campaign list">
        <TableHead>
          <TableRow>
            <TableCell>Campaign</TableCell>
            <TableCell>Owner</TableCell>
            <TableCell>Goal</TableCell>
            <TableCell>Deadline</TableCell>
            <TableCell>Status</TableCell>
            <TableCell>Meeting the goal</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {campaigns.map(campaign => (
            <TableRow key={campaign.id}>
              <TableCell component="th" scope="row">
                <Link to={linkOf(campaign.id)}>{campaign.title}</Link>
              </TableCell>
              <TableCell>
                {shortEntityRef(campaign.ownerRef, 'group')}
              </TableCell>
              <TableCell>{goalInWords(campaign.goal, titleOf)}</TableCell>
              <TableCell className={classes.nowrap}>
                {formatDate(campaign.deadline)}
              </TableCell>
              <TableCell>{STATUS_LABELS[campaign.status]}</TableCell>
              <TableCell className={classes.nowrap}>
                {campaign.latest ? (
                  <>
                    {tallyLabel(campaign.latest)}
                    <LinearProgress
                      variant="determinate"
                      value={Math.round(shareOf(campaign.latest) * 100)}
                      className={classes.bar}
                      aria-label={`${campaign.title}: share meeting the goal`}
                    />
                  </>
                ) : (
                  'Not computed yet'
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    );
  }

  return (
    <Paper
      component="section"
      aria-labelledby="maturity-campaigns-title"
      className={classes.root}
    >
      <Box className={classes.header}>
        <Typography variant="h5" component="h2" id="maturity-campaigns-title">
          Campaigns
        </Typography>
        {onCreate && (
          <Button
            variant="contained"
            color="primary"
            startIcon={<AddIcon />}
            onClick={onCreate}
          >
            New campaign
          </Button>
        )}
      </Box>
      {body}
    </Paper>
  );
}
