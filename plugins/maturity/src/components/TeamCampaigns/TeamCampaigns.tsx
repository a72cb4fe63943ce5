import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Paper from '@material-ui/core/Paper';
import { makeStyles } from '@material-ui/core/styles';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import FlagOutlined from '@material-ui/icons/FlagOutlined';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { maturityApiRef } from '../../api/MaturityApi';
import { statusLabel, tallyLabel } from '../../campaigns/describeCampaign';
import { useCampaignLink } from '../../campaigns/useCampaignLink';
import { formatDate } from '../../time/formatDate';

const useStyles = makeStyles(theme => ({
  // Placed above the member table.
  root: { padding: theme.spacing(2), marginBottom: theme.spacing(3) },
  heading: { display: 'flex', alignItems: 'center', gap: theme.spacing(1) },
  nowrap: { whiteSpace: 'nowrap' },
}));

/** Campaigns per page. */
export const TEAM_CAMPAIGNS_PAGE_SIZE = 10;

/** Props of {@link TeamCampaigns}. */
export interface TeamCampaignsProps {
  /** The group, e.g. `group:default/payments`. */
  groupRef: string;
}

/**
 * The campaigns covering entities a group or its sub-groups own, with the
 * group's part (how many of its entities meet the goal) beside the whole
 * campaign's, a page at a time (nearest deadline first). Renders nothing
 * while loading and when there is none.
 */
export function TeamCampaigns(props: TeamCampaignsProps) {
  const { groupRef } = props;
  const classes = useStyles();
  const maturityApi = useApi(maturityApiRef);
  const linkOf = useCampaignLink();
  // Another group's rollup starts on the first page.
  const [paging, setPaging] = useState({ groupRef, page: 0 });
  const page = paging.groupRef === groupRef ? paging.page : 0;
  // The page shown stays while the next one loads.
  const { value, error } = useAsync(
    () =>
      maturityApi.listCampaigns({
        team: groupRef,
        limit: TEAM_CAMPAIGNS_PAGE_SIZE,
        offset: page * TEAM_CAMPAIGNS_PAGE_SIZE,
      }),
    [maturityApi, groupRef, page],
  );
  if (!error && !value?.items.length) return null;
  return (
    <Paper
      component="section"
      aria-labelledby="maturity-team-campaigns-title"
      className={classes.root}
    >
      <Typography
        variant="h6"
        component="h3"
        id="maturity-team-campaigns-title"
        className={classes.heading}
      >
        <FlagOutlined />
        Campaigns
      </Typography>
      {error ? (
        <Typography variant="body2" color="error">
          Could not load the campaigns of this team: {error.message}
        </Typography>
      ) : (
        <Table size="small" aria-label="Campaigns of this team">
          <TableHead>
            <TableRow>
              <TableCell>Campaign</TableCell>
              <TableCell>Deadline</TableCell>
              <TableCell>Status</TableCell>
              <TableCell>This team meeting the goal</TableCell>
              <TableCell>All in scope</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {value!.items.map(campaign => (
              <TableRow key={campaign.id}>
                <TableCell component="th" scope="row">
                  {linkOf ? (
                    <Link to={linkOf(campaign.id)}>{campaign.title}</Link>
                  ) : (
                    campaign.title
                  )}
                </TableCell>
                <TableCell className={classes.nowrap}>
                  {formatDate(campaign.deadline)}
                </TableCell>
                <TableCell>{statusLabel(campaign)}</TableCell>
                <TableCell className={classes.nowrap}>
                  {campaign.team ? tallyLabel(campaign.team) : '—'}
                </TableCell>
                <TableCell className={classes.nowrap}>
                  {campaign.latest
                    ? tallyLabel(campaign.latest)
                    : 'Not computed yet'}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {!error && value!.totalCount > TEAM_CAMPAIGNS_PAGE_SIZE && (
        <TablePagination
          component="div"
          count={value!.totalCount}
          page={page}
          rowsPerPage={TEAM_CAMPAIGNS_PAGE_SIZE}
          rowsPerPageOptions={[TEAM_CAMPAIGNS_PAGE_SIZE]}
          onPageChange={(_event, next) => setPaging({ groupRef, page: next })}
        />
      )}
    </Paper>
  );
}
