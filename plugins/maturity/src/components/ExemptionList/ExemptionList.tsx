import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { Exemption } from '@maturity-for-backstage/backstage-plugin-maturity-common';
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
import ExpandMore from '@material-ui/icons/ExpandMore';
import TimerOff from '@material-ui/icons/TimerOff';
import VerifiedUser from '@material-ui/icons/VerifiedUser';
import { statusColor } from '../../scorecard/statusColor';
import { formatDate } from '../../time/formatDate';

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
  expired: { '& td, & th': { color: theme.palette.text.secondary } },
  reason: { minWidth: 240 },
  nowrap: { whiteSpace: 'nowrap' },
}));

/** Whether an exemption has passed its expiry at `now`. */
export function isExpired(exemption: Exemption, now: number): boolean {
  return !!exemption.expiresAt && Date.parse(exemption.expiresAt) <= now;
}

/** Props of {@link ExemptionList}. */
export interface ExemptionListProps {
  /** The entity's exemptions, expired ones included; absent while loading. */
  exemptions?: Exemption[];
  loading?: boolean;
  error?: Error;
  onRetry?: () => void;
  /** The title of a check by id. */
  titleOf: (checkId: string) => string;
  /** Shows a Revoke button per exemption when given. */
  onRevoke?: (exemption: Exemption) => void;
}

/**
 * The entity's exemptions in a collapsed section: active ones first, then
 * expired ones (which no longer apply but stay listed until revoked), each
 * with its check, reason, author, creation and expiry. Active and expired
 * are told apart in words and icons, not by colour alone.
 */
export function ExemptionList(props: ExemptionListProps) {
  const { exemptions, loading, error, onRetry, titleOf, onRevoke } = props;
  const classes = useStyles();
  const now = Date.now();
  const rows = [...(exemptions ?? [])]
    .map(exemption => ({ exemption, expired: isExpired(exemption, now) }))
    .sort(
      (a, b) =>
        Number(a.expired) - Number(b.expired) ||
        b.exemption.createdAt.localeCompare(a.exemption.createdAt),
    );
  const expiredCount = rows.filter(r => r.expired).length;
  const activeCount = rows.length - expiredCount;

  let summary = 'Loading…';
  if (error) {
    summary = 'Could not be loaded';
  } else if (exemptions) {
    summary = `${activeCount} active · ${expiredCount} expired`;
  }

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
  } else if (rows.length === 0) {
    content = (
      <Typography color="textSecondary">
        No exemptions: every check counts with its observed result.
      </Typography>
    );
  } else {
    content = (
      <Table size="small" aria-label="Exemptions">
        <TableHead>
          <TableRow>
            <TableCell>Check</TableCell>
            <TableCell>Status</TableCell>
            <TableCell>Reason</TableCell>
            <TableCell>Granted by</TableCell>
            <TableCell>Created</TableCell>
            <TableCell>Expires</TableCell>
            {onRevoke && <TableCell>Actions</TableCell>}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map(({ exemption, expired }) => {
            const title = titleOf(exemption.checkId);
            return (
              <TableRow
                key={exemption.id}
                className={expired ? classes.expired : undefined}
                data-status={expired ? 'expired' : 'active'}
              >
                <TableCell component="th" scope="row">
                  {title}
                </TableCell>
                <TableCell>
                  <span className={classes.status}>
                    {expired ? (
                      <TimerOff fontSize="small" />
                    ) : (
                      <VerifiedUser
                        fontSize="small"
                        className={classes.activeIcon}
                      />
                    )}
                    {expired ? 'Expired' : 'Active'}
                  </span>
                </TableCell>
                <TableCell className={classes.reason}>
                  {exemption.reason}
                </TableCell>
                <TableCell>{exemption.author}</TableCell>
                <TableCell className={classes.nowrap}>
                  {formatDate(exemption.createdAt)}
                </TableCell>
                <TableCell className={classes.nowrap}>
                  {exemption.expiresAt
                    ? formatDate(exemption.expiresAt)
                    : 'No expiry'}
                </TableCell>
                {onRevoke && (
                  <TableCell>
                    <Button
                      size="small"
                      color="primary"
                      onClick={() => onRevoke(exemption)}
                      aria-label={`Revoke the exemption of ${title}`}
                    >
                      Revoke
                    </Button>
                  </TableCell>
                )}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
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
