import { ExemptionEvent } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { formatDate } from '../../time/formatDate';
import { STATUS_LABELS } from './exemptionStatus';

const useStyles = makeStyles(theme => ({
  heading: { marginTop: theme.spacing(3), marginBottom: theme.spacing(1) },
  nowrap: { whiteSpace: 'nowrap' },
}));

/** Props of {@link ExemptionAuditList}. */
export interface ExemptionAuditListProps {
  /** Newest first, as the API returns them. */
  events: ExemptionEvent[];
  titleOf: (checkId: string) => string;
}

/**
 * Every change of the entity's exemptions: who did what, when and why,
 * newest first, so a decision can be traced after the exemption ended.
 */
export function ExemptionAuditList(props: ExemptionAuditListProps) {
  const { events, titleOf } = props;
  const classes = useStyles();
  return (
    <>
      <Typography
        component="h4"
        variant="subtitle2"
        className={classes.heading}
      >
        History
      </Typography>
      {events.length === 0 ? (
        <Typography color="textSecondary">No changes yet.</Typography>
      ) : (
        <Table size="small" aria-label="Exemption history">
          <TableHead>
            <TableRow>
              <TableCell>When</TableCell>
              <TableCell>Check</TableCell>
              <TableCell>Change</TableCell>
              <TableCell>By</TableCell>
              <TableCell>Comment</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {events.map((event, i) => (
              <TableRow key={`${event.exemptionId}-${event.action}-${i}`}>
                <TableCell className={classes.nowrap}>
                  {formatDate(event.at)}
                </TableCell>
                <TableCell>{titleOf(event.checkId)}</TableCell>
                <TableCell>{STATUS_LABELS[event.action]}</TableCell>
                <TableCell>
                  {event.actor === 'system' ? 'System' : event.actor}
                </TableCell>
                <TableCell>{event.comment ?? ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
