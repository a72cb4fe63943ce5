import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { maturityApiRef, MaturityTimeWindow } from '../../api/MaturityApi';
import { describeEvent } from '../../evidence/describeEvent';
import { loadEvidenceEvents } from '../../evidence/loadEvidenceEvents';
import { EventLink } from '../EventLink';
import { RelativeTime } from '../RelativeTime';

/** Props of {@link EvidenceDialog}. */
export interface EvidenceDialogProps {
  open: boolean;
  onClose: () => void;
  /** What the evidence is for, e.g. the check's title. */
  title: string;
  entityRef: string;
  /** Evidence ids, `deployment:123`. */
  evidence: string[];
  /** The evaluation window the ids come from. */
  window: MaturityTimeWindow;
  /**
   * How many events the value was computed from, when known: a result
   * keeps only the most relevant of them as evidence.
   */
  sampleSize?: number;
}

function EvidenceTable(props: Omit<EvidenceDialogProps, 'open' | 'onClose'>) {
  const { entityRef, evidence, window, sampleSize } = props;
  const maturityApi = useApi(maturityApiRef);
  const { loading, error, value } = useAsync(
    () => loadEvidenceEvents(maturityApi, entityRef, evidence, window),
    [maturityApi, entityRef, evidence.join(','), window.from, window.to],
  );

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return (
      <ResponseErrorPanel title="Could not load the evidence" error={error} />
    );
  }
  if (!value || value.length === 0) {
    return (
      <Typography>
        None of the {evidence.length} events behind this result are stored in
        the evaluation window any more.
      </Typography>
    );
  }
  return (
    <>
      <Typography variant="body2" color="textSecondary" paragraph>
        {value.length === evidence.length
          ? `${value.length} events`
          : `${value.length} of ${evidence.length} events found`}
        , most relevant first.
        {sampleSize !== undefined &&
          sampleSize > evidence.length &&
          ` The value was computed from ${sampleSize} events; a result keeps the ${evidence.length} most relevant, and the Evidence tab lists every event of the window.`}
      </Typography>
      <Table size="small" aria-label="Evidence events">
        <TableHead>
          <TableRow>
            <TableCell>Type</TableCell>
            <TableCell>What</TableCell>
            <TableCell>When</TableCell>
            <TableCell>Source</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {value.map(event => {
            const { kind, summary } = describeEvent(event);
            return (
              <TableRow key={event.id}>
                <TableCell>{kind}</TableCell>
                <TableCell>
                  <EventLink url={event.url}>{summary}</EventLink>
                </TableCell>
                <TableCell>
                  <RelativeTime time={event.occurredAt} />
                </TableCell>
                <TableCell>{event.source}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </>
  );
}

/**
 * The deploys, runs, changes and incidents behind a check or metric, read
 * from the events API by their evidence ids, with links to their tools.
 */
export function EvidenceDialog(props: EvidenceDialogProps) {
  const { open, onClose, title, ...rest } = props;
  return (
    <Dialog
      open={open}
      onClose={onClose}
      maxWidth="md"
      fullWidth
      aria-labelledby="maturity-evidence-title"
    >
      <DialogTitle id="maturity-evidence-title">Evidence: {title}</DialogTitle>
      <DialogContent>
        {open && <EvidenceTable title={title} {...rest} />}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
