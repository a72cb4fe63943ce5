import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import {
  Exemption,
  ExemptionEvent,
} from '@maturity-for-backstage/backstage-plugin-maturity-common';
import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Button from '@material-ui/core/Button';
import { makeStyles } from '@material-ui/core/styles';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import Block from '@material-ui/icons/Block';
import ExpandMore from '@material-ui/icons/ExpandMore';
import HourglassEmpty from '@material-ui/icons/HourglassEmpty';
import TimerOff from '@material-ui/icons/TimerOff';
import VerifiedUser from '@material-ui/icons/VerifiedUser';
import { statusColor } from '../../scorecard/statusColor';
import { formatDate } from '../../time/formatDate';
import { ExemptionAuditList } from './ExemptionAuditList';
import { effectiveStatus, STATUS_LABELS } from './exemptionStatus';

export { isExpired } from './exemptionStatus';

const useStyles = makeStyles(theme => ({
  summary: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    alignItems: 'baseline',
  },
  details: { display: 'block', overflowX: 'auto' },
  status: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    whiteSpace: 'nowrap',
  },
  activeIcon: { color: statusColor(theme, 'info') },
  ended: { '& td, & th': { color: theme.palette.text.secondary } },
  reason: { minWidth: 240 },
  nowrap: { whiteSpace: 'nowrap' },
  actions: { whiteSpace: 'nowrap' },
}));

/** Props of {@link ExemptionList}. */
export interface ExemptionListProps {
  /** The entity's exemptions in every state; absent while loading. */
  exemptions?: Exemption[];
  /** The audit list, newest first; absent while loading or not readable. */
  events?: ExemptionEvent[];
  loading?: boolean;
  error?: Error;
  onRetry?: () => void;
  /** The title of a check by id. */
  titleOf: (checkId: string) => string;
  /** The signed-in user's entity ref: their own requests may be withdrawn. */
  currentUser?: string;
  /** Shows Approve / Deny on others' requests; for deciders. */
  onDecide?: (exemption: Exemption) => void;
  /** Shows Withdraw on the signed-in user's own requests. */
  onWithdraw?: (exemption: Exemption) => void;
  /** Shows Revoke on approved exemptions; for deciders. */
  onRevoke?: (exemption: Exemption) => void;
}

const ORDER: Record<Exemption['status'], number> = {
  requested: 0,
  approved: 1,
  denied: 2,
  withdrawn: 2,
  revoked: 2,
  expired: 2,
};

function StatusIcon(props: { status: Exemption['status'] }) {
  const classes = useStyles();
  switch (props.status) {
    case 'requested':
      return <HourglassEmpty fontSize="small" />;
    case 'approved':
      return <VerifiedUser fontSize="small" className={classes.activeIcon} />;
    case 'expired':
      return <TimerOff fontSize="small" />;
    default:
      return <Block fontSize="small" />;
  }
}

/**
 * The entity's exemptions in a collapsed section: requests waiting for a
 * decision first, then approved ones, then the ended ones (denied,
 * withdrawn, revoked, expired), each with its check, state, reason,
 * requester, decision and expiry; and the history of every change below.
 * States are told apart in words and icons, not by colour alone. Deciders
 * approve or deny others' requests and revoke; requesters withdraw their
 * own requests.
 */
export function ExemptionList(props: ExemptionListProps) {
  const { exemptions, events, loading, error, onRetry, titleOf } = props;
  const { currentUser, onDecide, onWithdraw, onRevoke } = props;
  const classes = useStyles();
  const now = Date.now();
  const rows = [...(exemptions ?? [])]
    .map(exemption => ({ exemption, status: effectiveStatus(exemption, now) }))
    .sort(
      (a, b) =>
        ORDER[a.status] - ORDER[b.status] ||
        b.exemption.createdAt.localeCompare(a.exemption.createdAt),
    );
  const count = (status: Exemption['status']) =>
    rows.filter(r => r.status === status).length;
  const requested = count('requested');
  const approved = count('approved');
  const ended = rows.length - requested - approved;

  let summary = 'Loading…';
  if (error) {
    summary = 'Could not be loaded';
  } else if (exemptions) {
    summary = `${requested} requested · ${approved} approved · ${ended} ended`;
  }

  const actionsFor = (exemption: Exemption, status: Exemption['status']) => {
    const title = titleOf(exemption.checkId);
    const own = !!currentUser && exemption.author === currentUser;
    return (
      <>
        {status === 'requested' && onDecide && !own && (
          <Button
            size="small"
            color="primary"
            onClick={() => onDecide(exemption)}
            aria-label={`Decide the exemption request for ${title}`}
          >
            Approve or deny…
          </Button>
        )}
        {status === 'requested' && onWithdraw && own && (
          <Button
            size="small"
            onClick={() => onWithdraw(exemption)}
            aria-label={`Withdraw the exemption request for ${title}`}
          >
            Withdraw
          </Button>
        )}
        {status === 'approved' && onRevoke && (
          <Button
            size="small"
            color="primary"
            onClick={() => onRevoke(exemption)}
            aria-label={`Revoke the exemption of ${title}`}
          >
            Revoke
          </Button>
        )}
      </>
    );
  };

  let content;
  if (error) {
    content = (
      <>
        <ResponseErrorPanel
          title="Could not load the exemptions"
          error={error}
        />
        {onRetry && (
          <Button variant="outlined" onClick={onRetry}>
            Try again
          </Button>
        )}
      </>
    );
  } else if (!exemptions && loading) {
    content = <Progress />;
  } else {
    content = (
      <>
        {rows.length === 0 ? (
          <Typography color="textSecondary">
            No exemptions: every check counts with its observed result.
          </Typography>
        ) : (
          <Table size="small" aria-label="Exemptions">
            <TableHead>
              <TableRow>
                <TableCell>Check</TableCell>
                <TableCell>Status</TableCell>
                <TableCell>Reason</TableCell>
                <TableCell>Requested by</TableCell>
                <TableCell>Requested</TableCell>
                <TableCell>Decision</TableCell>
                <TableCell>Expires</TableCell>
                <TableCell>Actions</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map(({ exemption, status }) => (
                <TableRow
                  key={exemption.id}
                  className={ORDER[status] === 2 ? classes.ended : undefined}
                  data-status={status}
                >
                  <TableCell component="th" scope="row">
                    {titleOf(exemption.checkId)}
                  </TableCell>
                  <TableCell>
                    <span className={classes.status}>
                      <StatusIcon status={status} />
                      {STATUS_LABELS[status]}
                    </span>
                  </TableCell>
                  <TableCell className={classes.reason}>
                    {exemption.reason}
                  </TableCell>
                  <TableCell>{exemption.author}</TableCell>
                  <TableCell className={classes.nowrap}>
                    {formatDate(exemption.createdAt)}
                  </TableCell>
                  <TableCell>
                    {exemption.decidedBy
                      ? `${
                          exemption.decidedBy === 'system'
                            ? 'System (auto-approved)'
                            : exemption.decidedBy
                        }${
                          exemption.decisionComment
                            ? `: ${exemption.decisionComment}`
                            : ''
                        }`
                      : '—'}
                  </TableCell>
                  <TableCell className={classes.nowrap}>
                    {exemption.expiresAt
                      ? formatDate(exemption.expiresAt)
                      : 'No expiry'}
                  </TableCell>
                  <TableCell className={classes.actions}>
                    {actionsFor(exemption, status)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {events && <ExemptionAuditList events={events} titleOf={titleOf} />}
      </>
    );
  }

  return (
    <Accordion>
      <AccordionSummary
        expandIcon={<ExpandMore />}
        aria-controls="maturity-exemptions"
        id="maturity-exemptions-header"
      >
        <div className={classes.summary}>
          <Typography component="h3" variant="subtitle1">
            Exemptions
          </Typography>
          <Typography component="span" color="textSecondary">
            {summary}
          </Typography>
        </div>
      </AccordionSummary>
      <AccordionDetails className={classes.details}>{content}</AccordionDetails>
    </Accordion>
  );
}
