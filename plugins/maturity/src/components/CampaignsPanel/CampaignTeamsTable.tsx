import { CampaignTeam } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { percent, shareOf } from '../../campaigns/describeCampaign';
import { EntityMaturityLink } from '../EntityMaturityLink';

const useStyles = makeStyles({
  // Beside the burn-up the card is narrow; names and headers wrapped
  // mid-word.
  table: { whiteSpace: 'nowrap' },
});

/** Teams with the most entities still short first. */
function mostShortFirst(teams: CampaignTeam[]): CampaignTeam[] {
  return [...teams].sort(
    (a, b) =>
      b.inScope - b.meeting - (a.inScope - a.meeting) ||
      a.ownerRef.localeCompare(b.ownerRef),
  );
}

/** Each owning group's part of a campaign on its latest day. */
export function CampaignTeamsTable(props: { teams: CampaignTeam[] }) {
  const { teams } = props;
  const classes = useStyles();
  if (teams.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No team owns an entity in scope yet.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label="Teams" className={classes.table}>
      <TableHead>
        <TableRow>
          <TableCell>Team</TableCell>
          <TableCell align="right">In scope</TableCell>
          <TableCell align="right">Meeting</TableCell>
          <TableCell align="right">Still short</TableCell>
          <TableCell align="right">Share</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {mostShortFirst(teams).map(team => (
          <TableRow key={team.ownerRef}>
            <TableCell component="th" scope="row">
              <EntityMaturityLink
                entityRef={team.ownerRef}
                defaultKind="group"
              />
            </TableCell>
            <TableCell align="right">{team.inScope}</TableCell>
            <TableCell align="right">{team.meeting}</TableCell>
            <TableCell align="right">{team.inScope - team.meeting}</TableCell>
            <TableCell align="right">{percent(shareOf(team))}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
