import { Link } from '@backstage/core-components';
import { FailingCheck } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import LinearProgress from '@material-ui/core/LinearProgress';
import { makeStyles } from '@material-ui/core/styles';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { useCheckTitles } from '../../scorecard/useCheckTitles';

const useStyles = makeStyles(theme => ({
  number: { textAlign: 'right', whiteSpace: 'nowrap' },
  bar: { minWidth: 80, height: 8, borderRadius: 4 },
  id: { color: theme.palette.text.secondary, display: 'block' },
}));

/**
 * The share of applicable entities failing the check or meeting it only
 * through a waiver, in whole percent.
 */
export function failedShare(check: FailingCheck): number {
  return check.applicable > 0
    ? Math.round(
        ((check.failed + (check.waived ?? 0)) / check.applicable) * 100,
      )
    : 0;
}

const entities = (count: number) =>
  count === 1 ? 'entity' : `${count} entities`;

/** Props of {@link FailingChecksTable}. */
export interface FailingChecksTableProps {
  checks: FailingCheck[];
  /** Where the entities failing a check are listed; "N of M" links there. */
  checkLink?: (checkId: string) => string;
  /** Where the entities waiving a check are listed; the waived count links there. */
  waivedLink?: (checkId: string) => string;
  /** The table's accessible name. */
  label: string;
}

/**
 * Failing checks by title from the active rubric, with their ids: how many
 * entities fail each of those it applies to, how many more meet it only
 * through a waiver, and the share of both.
 */
export function FailingChecksTable(props: FailingChecksTableProps) {
  const { checks, checkLink, waivedLink, label } = props;
  const classes = useStyles();
  const titleOf = useCheckTitles();
  return (
    <Table size="small" aria-label={label}>
      <TableHead>
        <TableRow>
          <TableCell>Check</TableCell>
          <TableCell className={classes.number}>Failed</TableCell>
          <TableCell className={classes.number}>Waived</TableCell>
          <TableCell className={classes.number}>Share</TableCell>
          <TableCell aria-hidden />
        </TableRow>
      </TableHead>
      <TableBody>
        {checks.map(check => {
          const share = failedShare(check);
          const counts = `${check.failed} of ${check.applicable}`;
          const waived = check.waived ?? 0;
          return (
            <TableRow key={check.checkId}>
              <TableCell component="th" scope="row">
                {titleOf(check.checkId)}
                <Typography variant="caption" className={classes.id}>
                  {check.checkId}
                </Typography>
              </TableCell>
              <TableCell className={classes.number}>
                {checkLink ? (
                  <Link
                    to={checkLink(check.checkId)}
                    title={`List the ${entities(
                      check.failed,
                    )} failing “${titleOf(check.checkId)}”`}
                  >
                    {counts}
                  </Link>
                ) : (
                  counts
                )}
              </TableCell>
              <TableCell className={classes.number}>
                {waivedLink && waived > 0 ? (
                  <Link
                    to={waivedLink(check.checkId)}
                    title={`List the ${entities(waived)} meeting “${titleOf(
                      check.checkId,
                    )}” only by a waiver`}
                  >
                    {waived}
                  </Link>
                ) : (
                  waived
                )}
              </TableCell>
              <TableCell className={classes.number}>{share}%</TableCell>
              <TableCell aria-hidden>
                <LinearProgress
                  variant="determinate"
                  value={share}
                  color="secondary"
                  className={classes.bar}
                />
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
