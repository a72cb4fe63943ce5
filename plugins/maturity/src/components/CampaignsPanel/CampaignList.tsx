import { EmptyState, Link, Progress } from '@backstage/core-components';
import { CampaignListItem } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import LinearProgress from '@material-ui/core/LinearProgress';
import Paper from '@material-ui/core/Paper';
import { makeStyles } from '@material-ui/core/styles';
import Tab from '@material-ui/core/Tab';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import Tabs from '@material-ui/core/Tabs';
import Typography from '@material-ui/core/Typography';
import AddIcon from '@material-ui/icons/Add';
import {
  goalInWords,
  shareOf,
  statusLabel,
  tallyLabel,
} from '../../campaigns/describeCampaign';
import { useCheckTitles } from '../../scorecard/useCheckTitles';
import { formatDate } from '../../time/formatDate';
import { shortEntityRef } from '../EntityMaturityLink';
import { LoadErrorPanel } from '../LoadErrorPanel';
import {
  CAMPAIGN_FILTERS,
  CAMPAIGN_PAGE_SIZE,
  CampaignFilter,
} from './campaignFilters';

const useStyles = makeStyles(theme => ({
  root: { padding: theme.spacing(2) },
  header: {
    display: 'flex',
    justifyContent: 'space-between',
    alignItems: 'center',
    marginBottom: theme.spacing(1),
  },
  tabs: { marginBottom: theme.spacing(1) },
  bar: { minWidth: 100, height: 8, borderRadius: 4, marginTop: 4 },
  nowrap: { whiteSpace: 'nowrap' },
}));

/** Props of {@link CampaignList}. */
export interface CampaignListProps {
  loading: boolean;
  error?: Error;
  /** One page of the campaigns the filter selects. */
  campaigns?: CampaignListItem[];
  /** How many campaigns the filter selects. */
  totalCount?: number;
  filter: CampaignFilter;
  onFilterChange: (filter: CampaignFilter) => void;
  /** The page shown, from 0, of {@link CAMPAIGN_PAGE_SIZE} campaigns. */
  page: number;
  onPageChange: (page: number) => void;
  onRetry: () => void;
  /** The link to a campaign's detail. */
  linkOf: (id: string) => string;
  /** Opens the new-campaign dialog; no button when absent. */
  onCreate?: () => void;
}

/**
 * The campaigns of a status (tabs: active and upcoming, active, upcoming,
 * finished, all), nearest deadline first, a page at a time: title, owner,
 * goal in words, deadline, status and how many in-scope entities meet the
 * goal.
 */
export function CampaignList(props: CampaignListProps) {
  const { loading, error, campaigns, totalCount, onRetry, linkOf, onCreate } =
    props;
  const { filter, onFilterChange, page, onPageChange } = props;
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
  } else if (!campaigns || !totalCount) {
    body = (
      <EmptyState
        missing="content"
        title={CAMPAIGN_FILTERS[filter].empty}
        description="A campaign sets a goal (checks to pass or a level to reach) for a scope of entities by a deadline, and follows the share meeting it day by day."
      />
    );
  } else {
    body = (
      <>
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
                <TableCell>{statusLabel(campaign)}</TableCell>
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
        {totalCount > CAMPAIGN_PAGE_SIZE && (
          <TablePagination
            component="div"
            count={totalCount}
            page={page}
            rowsPerPage={CAMPAIGN_PAGE_SIZE}
            rowsPerPageOptions={[CAMPAIGN_PAGE_SIZE]}
            onPageChange={(_event, next) => onPageChange(next)}
          />
        )}
      </>
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
      <Tabs
        value={filter}
        onChange={(_event, next: CampaignFilter) => onFilterChange(next)}
        aria-label="Campaigns by status"
        indicatorColor="primary"
        className={classes.tabs}
      >
        {Object.entries(CAMPAIGN_FILTERS).map(([value, { label }]) => (
          <Tab key={value} value={value} label={label} />
        ))}
      </Tabs>
      {body}
    </Paper>
  );
}
